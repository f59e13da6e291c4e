export function withArticle(name: string, options?: { of?: boolean; capital?: boolean }): string;
