// Pas à pas, Wagtail editor: once the editor form is sent (publish, submit for review, approve, request changes…),
// autosave stops. Without this, Wagtail 8's autosave notices the hidden fields a workflow button adds to the form
// (« action-workflow-action », « workflow-action-name »), sends a second request carrying them next to the real one,
// and the two race: the page ends up a draft, or the second request fails, while the messages say « publiée ».
(() => {
  const AUTOSAVE_FORM = 'form[data-controller~="w-autosave"]';
  const WORKFLOW_FIELDS = 'input[name="action-workflow-action"], input[name="workflow-action-name"]';
  // The latest autosave of each form not yet sent: Wagtail waits a moment before sending it, and cancelling its
  // « w-autosave:save » event drops it.
  const pendingSave = new WeakMap();

  const autosaveOf = (form) => window.wagtail?.app?.getControllerForElementAndIdentifier(form, "w-autosave");

  const stopAutosave = (form) => {
    form.setAttribute("data-w-autosave-active-value", "false");
    const controller = autosaveOf(form);
    if (controller) controller.activeValue = false;
    pendingSave.get(form)?.preventDefault();
    pendingSave.delete(form);
  };

  document.addEventListener("w-autosave:save", (event) => {
    if (event.target instanceof HTMLFormElement) pendingSave.set(event.target, event);
  });

  // Workflow buttons add their hidden fields, then send the form (a native submit, or jQuery's after a dialog,
  // which fires no submit event): stop as soon as the fields appear.
  const watchWorkflowFields = (form) => {
    new MutationObserver((mutations) => {
      const added = mutations.some((mutation) =>
        [...mutation.addedNodes].some((node) => node instanceof Element && node.matches(WORKFLOW_FIELDS)),
      );
      if (added) stopAutosave(form);
    }).observe(form, { childList: true });
  };

  // Any other sending of the form: stop autosave, and if an autosave is on its way, let it finish first so that
  // the two requests never overlap.
  document.addEventListener(
    "submit",
    (event) => {
      const form = event.target;
      if (!(form instanceof HTMLFormElement) || !form.matches(AUTOSAVE_FORM)) return;
      const inFlight = autosaveOf(form)?.submitPromise;
      stopAutosave(form);
      if (!inFlight || form.dataset.pasapasAutosaveDone) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      const submitter = event.submitter;
      inFlight.finally(() => {
        form.dataset.pasapasAutosaveDone = "true";
        form.requestSubmit(submitter && submitter.form === form ? submitter : undefined);
      });
    },
    { capture: true },
  );

  const start = () => {
    for (const form of document.querySelectorAll(AUTOSAVE_FORM)) watchWorkflowFields(form);
  };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
