/** What an invoice says, as staff typed it beside the file (no OCR). Dates are `YYYY-MM-DD`. */
export interface InvoiceDetails {
  supplierName?: string | null;
  supplierAddress?: string | null;
  supplierContact?: string | null;
  invoiceDate?: string | null;
  quantity?: number | null;
  unitsSold?: number | null;
}

/** What a letter of authorisation says: who grants it, to whom, and whether it grants the right to sell outright. */
export interface AuthorisationDetails {
  rightsOwner?: string | null;
  sellerName?: string | null;
  explicit?: boolean | null;
}
