/** Stand-in for `next/form`: a plain `<form>`. */
import { createElement, forwardRef, type Ref } from 'react';

function Form({ prefetch, replace, scroll, ...props }: Record<string, unknown>, ref: Ref<HTMLFormElement>) {
  void prefetch;
  void replace;
  void scroll;
  return createElement('form', { ...props, ref });
}

export default forwardRef(Form);
