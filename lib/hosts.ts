/** The sites PaperShelf annotates. Host permissions, content-script matches and the sender check derive from this. */
export const SUPPORTED_ORIGINS = ['https://huggingface.co', 'https://arxiv.org'] as const;

export const isSupportedPageUrl = (raw: string | undefined): boolean => {
  if (!raw || !URL.canParse(raw)) return false;
  return (SUPPORTED_ORIGINS as readonly string[]).includes(new URL(raw).origin);
};
