import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { SOURCE_ID_PATTERN, SOURCE_KINDS } from '@wiredesk/sources';

export class ScheduleDto {
  @ApiProperty({ description: 'time between polls: 30s, 5m, 1h, or milliseconds', example: '5m' })
  @IsDefined()
  interval!: string | number;

  @ApiPropertyOptional({ description: 'up to this much is added at random to each wait', example: '30s' })
  @IsOptional()
  jitter?: string | number;
}

/**
 * A source as the API takes it. class-validator checks the shape here; the source schema of libs/sources (the same
 * one the WIREDESK_SOURCES file goes through) then checks the rest, so the API and the file accept the same sources.
 * Credentials are references ({ env } or { file }), never secrets.
 */
export class SourceInputDto {
  @ApiProperty({ description: 'the wd-source its copy carries (same rule as X-Wire-Source)', example: 'afp-en' })
  @IsString()
  @Matches(SOURCE_ID_PATTERN)
  id!: string;

  @ApiProperty({ enum: SOURCE_KINDS })
  @IsIn(SOURCE_KINDS as unknown as string[])
  kind!: string;

  @ApiProperty({ description: 'URL (feed, http), host (ftp, ftps, sftp, imap) or folder path (folder)' })
  @IsString()
  @MaxLength(2000)
  where!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(65535)
  port?: number;

  @ApiPropertyOptional({ description: 'imap: TLS from the start (default true)' })
  @IsOptional()
  @IsBoolean()
  secure?: boolean;

  @ApiPropertyOptional({ description: 'remote folder (ftp, ftps, sftp) or mailbox (imap)' })
  @IsOptional()
  @IsString()
  path?: string;

  @ApiPropertyOptional({ description: 'file name glob, e.g. *.xml' })
  @IsOptional()
  @IsString()
  pattern?: string;

  @ApiProperty({ type: ScheduleDto })
  @ValidateNested()
  @Type(() => ScheduleDto)
  schedule!: ScheduleDto;

  @ApiPropertyOptional({ description: 'wd-format hint, e.g. nitf, newsml-g2, ninjs, rss' })
  @IsOptional()
  @IsString()
  format?: string;

  @ApiPropertyOptional({
    description: 'references to secrets: username (text or {env|file}), password, privateKey, header {name, value}',
    example: { username: 'desk', password: { env: 'AGENCY_PASSWORD' } },
  })
  @IsOptional()
  @IsObject()
  credentials?: Record<string, unknown>;

  @ApiPropertyOptional({ description: '{ ca: PEM file path, servername } for ftps and imap' })
  @IsOptional()
  @IsObject()
  tls?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'sftp: expected host key fingerprint (SHA256:…)' })
  @IsOptional()
  @IsString()
  hostKey?: string;

  @ApiPropertyOptional({ description: "'leave', 'delete' or { move: folder } (imap default: flag)" })
  @IsOptional()
  afterFetch?: unknown;

  @ApiPropertyOptional({ description: 'a poll taking longer is cut off, e.g. 2m' })
  @IsOptional()
  timeout?: string | number;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class SourceErrorDto {
  @ApiProperty({ enum: ['auth', 'unreachable', 'tls', 'parse', 'timeout', 'not-found', 'server', 'config', 'other'] })
  kind!: string;
  @ApiProperty()
  message!: string;
  @ApiProperty({ format: 'date-time' })
  at!: string;
}

export class SourceStatusDto {
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) lastPollAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) lastSuccessAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) lastNewItemAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) nextPollAt!: string | null;
  @ApiProperty() itemsToday!: number;
  @ApiProperty() itemsTotal!: number;
  @ApiProperty({ description: 'failed polls in a row' }) failures!: number;
  @ApiProperty({ type: SourceErrorDto, nullable: true }) lastError!: SourceErrorDto | null;
  @ApiProperty({ type: Number, nullable: true }) usualGapSeconds!: number | null;
  @ApiProperty({ description: 'silent for longer than its usual gap' }) silent!: boolean;
}

export class SourceViewDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['file', 'api'] }) origin!: string;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ description: 'the definition (credentials as references only)' })
  definition!: Record<string, unknown>;
  @ApiProperty({ type: SourceStatusDto }) status!: SourceStatusDto;
}

export class PollResultDto {
  @ApiProperty({ enum: ['polled', 'failed', 'busy'] }) status!: string;
  @ApiPropertyOptional() offered?: number;
  @ApiPropertyOptional() delivered?: number;
  @ApiPropertyOptional({ description: 'items left in place: larger than MAX_BODY_BYTES', type: [String] })
  tooLarge?: string[];
  @ApiPropertyOptional() kind?: string;
  @ApiPropertyOptional() message?: string;
}
