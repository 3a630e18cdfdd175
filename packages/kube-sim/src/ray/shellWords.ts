/*
 * Copyright 2026 The Ray as a Service for Backstage Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

/** A simple command and the operator that joins it to the one before (`;` for the first). */
export interface ShellCommand {
  words: string[];
  after: ';' | '&&' | '||';
}

/**
 * Splits a shell command line into simple commands and their words: quotes and backslashes
 * as POSIX sh has them, `;`, newlines, `&&` and `||` between commands. No expansions,
 * redirections or pipes (a `|` is kept as a word).
 */
export function parseShell(line: string): ShellCommand[] {
  const commands: ShellCommand[] = [];
  let words: string[] = [];
  let word: string | undefined;
  let after: ShellCommand['after'] = ';';
  const endWord = () => {
    if (word !== undefined) words.push(word);
    word = undefined;
  };
  const endCommand = (next: ShellCommand['after']) => {
    endWord();
    if (words.length) commands.push({ words, after });
    words = [];
    after = next;
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      const stop = end < 0 ? line.length : end;
      word = (word ?? '') + line.slice(i + 1, stop);
      i = stop;
    } else if (c === '"') {
      let s = '';
      for (i++; i < line.length && line[i] !== '"'; i++) {
        if (line[i] === '\\' && '"\\$`\n'.includes(line[i + 1] ?? '')) i++;
        s += line[i];
      }
      word = (word ?? '') + s;
    } else if (c === '\\') {
      word = (word ?? '') + (line[i + 1] ?? '');
      i++;
    } else if (c === ';' || c === '\n') {
      endCommand(';');
    } else if ((c === '&' || c === '|') && line[i + 1] === c) {
      endCommand(c === '&' ? '&&' : '||');
      i++;
    } else if (/\s/.test(c)) {
      endWord();
    } else {
      word = (word ?? '') + c;
    }
  }
  endCommand(';');
  return commands;
}
