/**
 * The QRIS issuer as a customer knows it. Midtrans reports the paying app or bank in lower case
 * ("gopay", "ovo", "dana", "shopeepay", "bca"); the receipt prints the brand's own spelling, and
 * an issuer this list does not know is printed as reported, tidied (a short code in capitals).
 */
const KNOWN: Readonly<Record<string, string>> = {
  gopay: 'GoPay',
  ovo: 'OVO',
  dana: 'DANA',
  shopeepay: 'ShopeePay',
  airpay: 'ShopeePay',
  'airpay shopee': 'ShopeePay',
  linkaja: 'LinkAja',
  jenius: 'Jenius',
  bca: 'BCA',
  bni: 'BNI',
  bri: 'BRI',
  mandiri: 'Mandiri',
  livin: "Livin' by Mandiri",
  bsi: 'BSI',
  cimb: 'CIMB Niaga',
  permata: 'PermataBank',
  btn: 'BTN',
  danamon: 'Danamon',
  ocbc: 'OCBC',
  astrapay: 'AstraPay',
  sakuku: 'Sakuku',
  isaku: 'i.saku',
  doku: 'DOKU',
};

export function issuerName(reported: string | undefined): string | undefined {
  const value = reported?.trim();
  if (value === undefined || value === '') return undefined;
  const known = KNOWN[value.toLowerCase()];
  if (known !== undefined) return known;
  if (/^[a-z]{2,4}$/i.test(value)) return value.toUpperCase();
  return value
    .split(/[\s_-]+/)
    .filter((word) => word !== '')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}
