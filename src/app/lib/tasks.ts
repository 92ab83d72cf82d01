/** Resolves in a task of its own: what comes after it lets the browser paint and handle input first. */
export const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
