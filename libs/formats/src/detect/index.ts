export { detectFormat, type DetectHints, type Detection } from './detect';
export { formatFromName, formatFromContentType, formatFromFilename } from './hints';
export {
  sniffXmlRoot,
  formatFromXmlRoot,
  sniffNinjsJson,
  sniffControlFramed,
  NAMESPACES,
  type XmlRoot,
} from './sniff-content';
export { contentTypeForFile } from './content-type';
