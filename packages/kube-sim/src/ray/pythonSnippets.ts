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

/*
 * Just enough of Python to give a simulated job plausible output: the top-level statements of
 * a `python -c` program (base64-`exec`ed payloads are decoded first), where `print` of literals
 * prints, `sys.exit(n)`/`exit(n)` exits, `raise E("m")` fails with a traceback, and a call of a
 * function defined in the program runs its body. Everything else is skipped.
 */

export interface PythonRun {
  output: string[];
  exitCode: number;
  /** The program imports ray or calls ray.init(): its driver connects to the cluster. */
  usesRay: boolean;
}

class Exit {
  constructor(readonly code: number, readonly output: string[] = []) {}
}

const ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
  '0': '\0',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '\n': '',
};

/** A Python string literal at `src[start]` (with r/b/f/u prefixes), or undefined. */
function stringLiteral(
  src: string,
  start: number,
): { value: string; end: number } | undefined {
  const m = /^([rRbBfFuU]{0,2})('''|"""|'|")/.exec(src.slice(start));
  if (!m) return undefined;
  const raw = /r/i.test(m[1]);
  const quote = m[2];
  let i = start + m[0].length;
  let value = '';
  while (i < src.length && !src.startsWith(quote, i)) {
    const c = src[i];
    if (c === '\\' && !raw) {
      const n = src[i + 1] ?? '';
      const hex = { x: 2, u: 4, U: 8 }[n];
      if (hex) {
        value += String.fromCodePoint(
          parseInt(src.slice(i + 2, i + 2 + hex), 16),
        );
        i += 2 + hex;
        continue;
      }
      const octal = /^[0-7]{1,3}/.exec(src.slice(i + 1))?.[0];
      if (octal && octal !== '0') {
        value += String.fromCharCode(parseInt(octal, 8));
        i += 1 + octal.length;
        continue;
      }
      value += n in ESCAPES ? ESCAPES[n] : `\\${n}`;
      i += 2;
      continue;
    }
    value += c;
    i++;
  }
  return { value, end: i + quote.length };
}

/** Splits at top-level commas/semicolons (outside brackets and strings). */
function splitTopLevel(src: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < src.length; i++) {
    const lit = stringLiteral(src, i);
    if (lit && (i === 0 || !/\w/.test(src[i - 1]))) {
      cur += src.slice(i, lit.end);
      i = lit.end - 1;
      continue;
    }
    const c = src[i];
    if ('([{'.includes(c)) depth++;
    if (')]}'.includes(c)) depth--;
    if (c === separator && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  parts.push(cur);
  return parts.map(p => p.trim()).filter(Boolean);
}

/** The value of a literal argument (string, number, True/False/None), or undefined. */
function literal(expr: string): string | undefined {
  const lit = stringLiteral(expr, 0);
  if (lit && lit.end === expr.length) return lit.value;
  if (/^[+-]?\d+(\.\d+)?$/.test(expr)) return expr;
  if (['True', 'False', 'None'].includes(expr)) return expr;
  return undefined;
}

/** `name(args)` at the start of a statement: the inner text of the call. */
function callArgs(stmt: string, names: string[]): string | undefined {
  for (const name of names) {
    if (stmt.startsWith(`${name}(`) && stmt.endsWith(')'))
      return stmt.slice(name.length + 1, -1);
  }
  return undefined;
}

function exitCodeOf(args: string): Exit {
  const arg = args.trim();
  if (!arg || arg === 'None' || arg === '0') return new Exit(0);
  if (/^\d+$/.test(arg)) return new Exit(Number(arg));
  const message = literal(arg);
  return new Exit(1, message === undefined ? [] : [message]);
}

interface Program {
  statements: Array<{ text: string; line: number }>;
  functions: Map<string, Array<{ text: string; line: number }>>;
}

/** Top-level statements and function bodies of a program (with their line numbers). */
function parseProgram(code: string): Program {
  const program: Program = { statements: [], functions: new Map() };
  let body: Array<{ text: string; line: number }> | undefined;
  code.split('\n').forEach((raw, index) => {
    const line = index + 1;
    if (!raw.trim() || raw.trim().startsWith('#')) return;
    const indented = /^\s/.test(raw);
    if (indented) {
      for (const text of splitTopLevel(raw.trim(), ';'))
        body?.push({ text, line });
      return;
    }
    body = undefined;
    const def = /^def\s+(\w+)\s*\(.*\)\s*:\s*(.*)$/.exec(raw);
    if (def) {
      body = [];
      program.functions.set(def[1], body);
      for (const text of splitTopLevel(def[2], ';')) body.push({ text, line });
      return;
    }
    if (/^(class|for|while|if|with|try|elif|else|except|finally)\b/.test(raw))
      return;
    for (const text of splitTopLevel(raw, ';'))
      program.statements.push({ text, line });
  });
  return program;
}

const B64_EXEC =
  /exec\(\s*base64\.b64decode\(\s*(['"])([A-Za-z0-9+/=\s]*)\1\s*\)\s*(?:\.decode\(\s*\))?\s*\)/;

/** Runs a `python -c` program as far as this simulation goes. */
export function runPython(code: string): PythonRun {
  const payload = B64_EXEC.exec(code);
  const source = payload
    ? `${code.replace(B64_EXEC, '')}\n${Buffer.from(
        payload[2],
        'base64',
      ).toString('utf8')}`
    : code;
  const program = parseProgram(source);
  const output: string[] = [];
  const usesRay = /\bimport\s+[\w, ]*\bray\b|\bray\.init\(/.test(source);
  const run = (
    statements: Array<{ text: string; line: number }>,
    stack: string[],
  ): void => {
    for (const { text, line } of statements) {
      const printed = callArgs(text, ['print']);
      if (printed !== undefined) {
        const args = splitTopLevel(printed, ',').filter(
          a => !/^\w+\s*=[^=]/.test(a),
        );
        output.push(
          args
            .map(literal)
            .filter((a): a is string => a !== undefined)
            .join(' '),
        );
        continue;
      }
      const exitArgs = callArgs(text, ['sys.exit', 'exit', 'quit', 'os._exit']);
      if (exitArgs !== undefined) throw exitCodeOf(exitArgs);
      const raised = /^raise\s+([\w.]+)\s*(?:\((.*)\))?$/.exec(text);
      if (raised) {
        const message = raised[2] ? literal(raised[2].trim()) ?? raised[2] : '';
        throw new Exit(1, [
          'Traceback (most recent call last):',
          '  File "<string>", line 1, in <module>',
          ...stack.map(fn => `  File "<string>", line ${line}, in ${fn}`),
          message ? `${raised[1]}: ${message}` : raised[1],
        ]);
      }
      const called = /^(\w+)\(.*\)$/.exec(text)?.[1];
      const body = called ? program.functions.get(called) : undefined;
      if (body && stack.length < 10) run(body, [...stack, called!]);
    }
  };
  try {
    run(program.statements, []);
    return { output, exitCode: 0, usesRay };
  } catch (e) {
    if (!(e instanceof Exit)) throw e;
    return { output: [...output, ...e.output], exitCode: e.code, usesRay };
  }
}
