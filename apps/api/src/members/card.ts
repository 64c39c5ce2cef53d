// Member cards: the signed QR payload (format and rules in @readers/domain) and its SVG.
import { createHmac } from "node:crypto";
import { type HmacFunction, signCardPayload, verifyCardPayload } from "@readers/domain";
import QRCode from "qrcode";

/** HMAC-SHA256 with the association's card key, as the domain's injected signer. */
export function cardHmac(key: string): HmacFunction {
  return (message) => createHmac("sha256", key).update(message).digest("hex");
}

export async function cardPayload(
  memberNumber: string,
  cardVersion: number,
  key: string,
): Promise<string> {
  return signCardPayload({ memberNumber, cardVersion }, cardHmac(key));
}

/** The QR code as an SVG string; error correction M survives a scuffed printout. */
export function qrSvg(payload: string): Promise<string> {
  return QRCode.toString(payload, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}

export { verifyCardPayload };
