export class PdfRenderTimeoutError extends Error {
  constructor(step: string, ms: number) {
    super(`PDF rendering step "${step}" did not finish within ${ms} ms`);
    this.name = 'PdfRenderTimeoutError';
  }
}

export class PdfRendererClosedError extends Error {
  constructor() {
    super('PdfRenderer is closed');
    this.name = 'PdfRendererClosedError';
  }
}

/** The browser died (crashed, was killed, or disconnected) while a job was using it. */
export class PdfBrowserGoneError extends Error {
  constructor(override readonly cause: unknown) {
    super(`The browser went away during the render: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'PdfBrowserGoneError';
  }
}
