// Reading the text of `/kakunin …` for the lead commands: words, "quoted names" (also 「…」) so facility
// names may hold spaces, and Slack's escaped mentions (<@U123|sato>, <#C123|general>) — the app's
// manifest sets should_escape so Slack sends users and channels as ids.
export interface CommandWords {
  words: string[];
  users: string[];
  channels: { id: string; name?: string | undefined }[];
}

const TOKEN = /<@([UW][A-Z0-9]+)(?:\|[^>]*)?>|<#(C[A-Z0-9]+|G[A-Z0-9]+)(?:\|([^>]*))?>|"([^"]*)"|「([^」]*)」|(\S+)/g;

export function readCommandWords(text: string): CommandWords {
  const out: CommandWords = { words: [], users: [], channels: [] };
  for (const m of text.matchAll(TOKEN)) {
    if (m[1]) out.users.push(m[1]);
    else if (m[2]) out.channels.push({ id: m[2], name: m[3] || undefined });
    else out.words.push(m[4] ?? m[5] ?? m[6] ?? '');
  }
  return out;
}
