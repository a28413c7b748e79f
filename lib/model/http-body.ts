/**
 * The body of an answer as text, read no further than just past `maxLength` characters: a hostile answer must
 * not fill the worker's memory, and the parsers reject (and report) a text that long. Used by the lookups and
 * by the Zotero client, on the `Response` their fetch gave.
 */
export async function readText(response: Response, maxLength: number): Promise<string> {
  if (!response.body) return response.text();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    text += chunk.value;
    if (text.length > maxLength) {
      await reader.cancel();
      break;
    }
  }
  return text;
}
