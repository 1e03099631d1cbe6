"use client";
import type { FormHTMLAttributes, ReactNode } from "react";
import { startTransition } from "react";

type ActionFormProps = Omit<FormHTMLAttributes<HTMLFormElement>, "action" | "onSubmit"> & {
  action: (form: FormData) => void;
  children: ReactNode;
};

/**
 * A form that submits to a server action without React's automatic reset, so a
 * rejected submit (a conflict, a bad field) keeps everything the user typed.
 * Forms that should start fresh after success are remounted by their parent.
 */
export function ActionForm({ action, children, ...rest }: ActionFormProps) {
  return (
    <form
      {...rest}
      onSubmit={(event) => {
        event.preventDefault();
        // The submitter's name/value (e.g. direction=up) belongs in the data, as in a native submit.
        const data = new FormData(event.currentTarget, event.nativeEvent.submitter);
        startTransition(() => action(data));
      }}
    >
      {children}
    </form>
  );
}
