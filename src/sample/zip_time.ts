/**
 * write-excel-file zips with fflate, which stamps every entry with the current
 * time. We overwrite those stamps so that a seed always gives the same bytes.
 */

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

// 2017-01-01 00:00 in MS-DOS format.
const DOS_TIME = 0;
const DOS_DATE = ((2017 - 1980) << 9) | (1 << 5) | 1;

/**
 * Sets the modification time of every zip entry to a constant, in place.
 * Only the timestamp fields change, so CRCs and sizes stay valid.
 * @param zip bytes of a zip archive (an .xlsx file)
 * @returns the same array, for chaining
 */
export function fixZipTimestamps(zip: Uint8Array): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = zip.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("archive zip invalide : fin de répertoire introuvable");
  const count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  for (let n = 0; n < count; n++) {
    if (view.getUint32(offset, true) !== CENTRAL_SIGNATURE) {
      throw new Error("archive zip invalide : entrée de répertoire attendue");
    }
    view.setUint16(offset + 12, DOS_TIME, true);
    view.setUint16(offset + 14, DOS_DATE, true);
    const local = view.getUint32(offset + 42, true);
    if (view.getUint32(local, true) !== LOCAL_SIGNATURE) {
      throw new Error("archive zip invalide : en-tête local attendu");
    }
    view.setUint16(local + 10, DOS_TIME, true);
    view.setUint16(local + 12, DOS_DATE, true);
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) +
      view.getUint16(offset + 32, true);
  }
  return zip;
}
