export { decodeBytes, sniffBom, type DecodeHints, type DecodedText } from './decode';
export { canonicalCharset } from './charset-names';
export { findDeclarations, charsetFromContentType, type CharsetDeclaration } from './declared';
export { repairMojibake, hasMojibake } from './mojibake';
export { junkControlRatio, binaryMagic } from './binary';
