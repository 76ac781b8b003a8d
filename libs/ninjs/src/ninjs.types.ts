/**
 * IPTC ninjs 3.1 as TypeScript, written by hand from libs/ninjs/schema/ninjs-schema_3.1.json.
 * The schema is the authority (validateNinjs checks it); these types only help code build documents that pass.
 * Every object in the schema forbids unknown properties, so these interfaces are closed too.
 */

export const NINJS_SCHEMA_ID = 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#';
export const NINJS_VERSION = '3.1';

/** http://cv.iptc.org/newscodes/ninature/ */
export type NinjsObjectType =
  'text' | 'audio' | 'video' | 'picture' | 'graphic' | 'composite' | 'component' | 'event' | 'planning';

export type NinjsPubStatus = 'usable' | 'withheld' | 'canceled';

/** YYYY, YYYY-MM, YYYY-MM-DD or a full date-time, with optional timezone */
export type TruncatedDateTime = string;

export interface NinjsText {
  role?: string;
  contentType?: string;
  value: string;
}

export type NinjsHeadline = NinjsText;
export type NinjsDescription = NinjsText;

export interface NinjsBody extends NinjsText {
  /** characters of the body, excluding figure captions */
  charCount?: number;
  /** words of the body, excluding figure captions */
  wordCount?: number;
}

export interface NinjsAddress {
  lines?: string[];
  locality?: string;
  area?: string;
  postalCode?: string;
  country?: string;
}

/** the schema requires one of value or address */
export interface NinjsContactInfo {
  type?: string;
  role?: string;
  lang?: string;
  name?: string;
  value?: string;
  address?: NinjsAddress;
}

export interface NinjsPerson {
  name?: string;
  rel?: string;
  /** format uri */
  uri?: string;
  literal?: string;
  contactInfo?: NinjsContactInfo[];
}

export interface NinjsSymbol {
  exchange?: string;
  symbolType?: string;
  symbol?: string;
}

export interface NinjsOrganisation {
  name?: string;
  rel?: string;
  uri?: string;
  literal?: string;
  symbols?: NinjsSymbol[];
  contactInfo?: NinjsContactInfo[];
}

/** A GeoJSON object (RFC 7946); validated by the GeoJSON schema, kept loose here. */
export interface GeoJsonObject {
  type: string;
  [key: string]: unknown;
}

export interface NinjsPlace {
  name?: string;
  rel?: string;
  uri?: string;
  literal?: string;
  contactInfo?: NinjsContactInfo[];
  geoJSON?: GeoJsonObject;
}

export interface NinjsSubject {
  name?: string;
  rel?: string;
  uri?: string;
  literal?: string;
  /** who assigned it (person, organisation or system) */
  creator?: string;
  /** 0..100 */
  relevance?: number;
  /** 0..100 */
  confidence?: number;
}

export interface NinjsEvent {
  id?: string;
  name?: string;
  rel?: string;
  uri?: string;
  literal?: string;
}

export interface NinjsObject {
  name?: string;
  rel?: string;
  uri?: string;
  literal?: string;
}

export interface NinjsInfoSource {
  name?: string;
  /** e.g. "originator", "publisher", "distributor" */
  role?: string;
  uri?: string;
  literal?: string;
  contactInfo?: NinjsContactInfo[];
}

export interface NinjsRendition {
  name: string;
  href?: string;
  contentType?: string;
  title?: string;
  width?: number;
  height?: number;
  sizeInBytes?: number;
  duration?: number;
  format?: string;
  aspectRatio?: string;
  videoCodec?: string;
  frameRate?: number;
  poi?: { x?: number; y?: number };
  transportProtocol?: string;
  scanType?: 'progressive' | 'interlaced';
  bitrate?: string;
}

export interface NinjsAltId {
  role?: string;
  value?: string;
}

export interface NinjsTrustIndicator {
  role?: string;
  title?: string;
  href?: string;
}

export interface NinjsStandard {
  name?: string;
  version?: string;
  schema?: string;
}

export interface NinjsGenre {
  name?: string;
  uri?: string;
  literal?: string;
}

/** the schema requires one of linkedRights or encodedRights */
export interface NinjsRightsInfo {
  langId?: string;
  linkedRights?: string;
  encodedRights?: string;
}

export interface NinjsDigitalSourceType {
  name?: string;
  uri?: string;
  literal?: string;
}

export interface NinjsRecurrenceRule {
  frequency?: 'secondly' | 'minutely' | 'hourly' | 'daily' | 'weekly' | 'monthly' | 'yearly';
  interval?: number;
  until?: string;
  count?: number;
}

/** the schema requires a start (startDate or expectedStartDate) or an end */
export interface NinjsDates {
  startDate?: string;
  endDate?: string;
  expectedStartDate?: TruncatedDateTime;
  expectedEndDate?: TruncatedDateTime;
  expectedDuration?: string;
  recurrence?: {
    recurrenceDates?: TruncatedDateTime[];
    recurrenceRules?: NinjsRecurrenceRule[];
  };
}

export interface NinjsCommissioned {
  by?: string;
  on?: string;
  references?: { name?: string; value?: string }[];
}

export interface NinjsEventDetails {
  eventStatus?: string;
  plannedCoverageStatus?: string;
  dates?: NinjsDates;
  organiser?: NinjsOrganisation;
}

export interface NinjsPlannedCoverage {
  uri?: string;
  title?: string;
  pubStatus?: NinjsPubStatus;
  type?: NinjsObjectType;
  commissioned?: NinjsCommissioned;
  dates?: NinjsDates;
  audiences?: { audience?: string; significance?: number }[];
  exclAudience?: string[];
  edNote?: string;
  urgency?: number;
  language?: string;
  itemCount?: { rangeFrom?: number; rangeTo?: number };
  wordCount?: number;
  renditions?: NinjsRendition[];
}

/** Every property of a ninjs object; the schema's `ninjsType`. `uri` is required only at the top and in associations. */
export interface NinjsFields {
  uri?: string;
  type?: NinjsObjectType;
  representationType?: 'full' | 'partial';
  profile?: string;
  /** a string in ninjs 3.x */
  version?: string;
  firstCreated?: string;
  versionCreated?: string;
  contentCreated?: string;
  embargoedUntil?: string;
  pubStatus?: NinjsPubStatus;
  /** 1 (most urgent) .. 9 */
  urgency?: number;
  /** a plain string in ninjs 3.x */
  copyrightHolder?: string;
  copyrightNotice?: string;
  usageTerms?: string;
  edNote?: string;
  /** BCP 47 */
  language?: string;
  descriptions?: NinjsDescription[];
  bodies?: NinjsBody[];
  headlines?: NinjsHeadline[];
  people?: NinjsPerson[];
  organisations?: NinjsOrganisation[];
  places?: NinjsPlace[];
  subjects?: NinjsSubject[];
  events?: NinjsEvent[];
  eventDetails?: NinjsEventDetails;
  plannedCoverage?: NinjsPlannedCoverage[];
  objects?: NinjsObject[];
  infoSources?: NinjsInfoSource[];
  title?: string;
  by?: string;
  slugline?: string;
  located?: string;
  renditions?: NinjsRendition[];
  associations?: NinjsAssociation[];
  altIds?: NinjsAltId[];
  trustIndicators?: NinjsTrustIndicator[];
  standard?: NinjsStandard;
  genres?: NinjsGenre[];
  expires?: string;
  rightsInfo?: NinjsRightsInfo;
  digitalSourceType?: NinjsDigitalSourceType;
}

/** An associated object: any ninjs object, plus name and rel; name and uri are required. */
export interface NinjsAssociation extends NinjsFields {
  name: string;
  uri: string;
  rel?: string;
}

/** A top-level ninjs 3.1 document. */
export interface Ninjs extends NinjsFields {
  uri: string;
}
