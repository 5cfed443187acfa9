/** Stand-in for `server-only` and `client-only`: markers with no exports. */
export {};
