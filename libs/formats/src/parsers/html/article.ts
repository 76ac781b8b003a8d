import { emptyItem, type WireItem } from '../../model/wire-item';

export function sniffHtml(text: string): number {
  return /^\s*(<!doctype html|<html[\s>])/i.test(text) ? 0.9 : 0;
}

// Placeholder while the Readability-based extractor is written.
export function parseHtmlArticle(_html: string, _filename?: string): WireItem {
  return emptyItem('html');
}
