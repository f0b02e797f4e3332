import { useEffect, useState } from 'react';
import type { validators as Validators } from './validators';

type Name = keyof typeof Validators;

/** The client-side validator for a form, once its chunk has loaded (see validators.ts); undefined before. */
export function useValidator<N extends Name>(name: N): (typeof Validators)[N] | undefined {
  const [validator, setValidator] = useState<(typeof Validators)[N]>();
  useEffect(() => {
    let live = true;
    void import('./validators').then(({ validators }) => {
      if (live) setValidator(() => validators[name]);
    });
    return () => {
      live = false;
    };
  }, [name]);
  return validator;
}
