// A QR code that leads a phone to the office's kiosk page, where the visitor takes a ticket as at the
// tablet by the entrance. Drawn as an SVG image, so it stays sharp on a poster and on the board.
import { useEffect, useState } from 'react';
import QRCode from 'qrcode';

/** The kiosk address a QR code points to: the same page as the entrance tablet. */
export function kioskUrl(officeId: string): string {
  return `${window.location.origin}/kontor/${encodeURIComponent(officeId)}/kiosk`;
}

interface Props {
  officeId: string;
  /** The image's text alternative. */
  alt: string;
  className?: string;
}

export function KioskQr({ officeId, alt, className }: Props) {
  const [svg, setSvg] = useState<string | null>(null);
  const url = kioskUrl(officeId);
  useEffect(() => {
    let live = true;
    // Medium error correction survives a worn or partly covered poster.
    void QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }).then((s) => live && setSvg(s));
    return () => {
      live = false;
    };
  }, [url]);
  if (!svg) return null;
  return <img className={className} src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} alt={alt} data-url={url} />;
}
