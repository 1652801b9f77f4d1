import type { Request, Response } from 'express';

/** A PDF ready to send, or the status of the render that will produce it (sent as JSON with 202). */
export type PdfAnswer<Pending> = { ready: true; file: Buffer; fileName: string; etag: string } | { ready: false; render: Pending };

/**
 * Sends the PDF (200 with ETag, 304 when unchanged) or 202 with the render's status while it is not ready. Like
 * every API answer it is Cache-Control: no-store (a browser keeps no copy of a client's plan); a client that
 * keeps its own copy revalidates it with If-None-Match.
 */
export function sendPdf<Pending>(answer: PdfAnswer<Pending>, req: Request, res: Response): void {
  if (!answer.ready) {
    res.status(202).json(answer.render);
    return;
  }
  res.setHeader('ETag', answer.etag);
  if (req.headers['if-none-match'] === answer.etag) {
    res.status(304).end();
    return;
  }
  res.setHeader('Content-Type', 'application/pdf');
  res.setHeader('Content-Disposition', `attachment; filename="${answer.fileName}"`);
  res.setHeader('Content-Length', String(answer.file.length));
  res.status(200).end(answer.file);
}
