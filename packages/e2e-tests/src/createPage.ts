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

import { Locator } from 'playwright-core';
import { Session } from './session';

/**
 * The Create page, as a person uses it: choose a template by its title,
 * step through its form, create, and follow the task to its end.
 */
export class CreatePage {
  constructor(private readonly session: Session) {}

  private get page() {
    return this.session.page;
  }

  /** Opens Create and chooses the template titled `title`. */
  async template(title: string): Promise<void> {
    await this.session.open('/create');
    // Material UI's class names carry a suffix in development builds.
    const card = this.page.locator('[class*="MuiCard-root"]').filter({
      has: this.page.getByRole('heading', { name: title, exact: true }),
    });
    await card.getByRole('button', { name: 'Choose' }).click();
    await this.page.getByRole('button', { name: 'Next' }).waitFor();
    await this.session.settle();
  }

  /** The text field labelled `label`. */
  textField(label: string): Locator {
    return this.page.getByRole('textbox', { name: label, exact: true });
  }

  /** Chooses the radio card of a Ray picker whose title starts with `title`. */
  async choose(group: string, title: string): Promise<void> {
    await this.page
      .getByRole('radiogroup', { name: group })
      .getByRole('radio', { name: new RegExp(`^${escapeRegExp(title)}\\b`) })
      .check();
  }

  /** Goes to the next step of the form (the last one leads to the review). */
  async next(): Promise<void> {
    await this.page.getByRole('button', { name: /^(Next|Review)$/ }).click();
    await this.session.settle();
  }

  /** Waits until the dry run field says the Ray service accepts the form. */
  async dryRunPassed(): Promise<void> {
    await this.page
      .getByRole('alert')
      .filter({ hasText: 'The Ray service checked your choices' })
      .waitFor();
    await this.session.settle();
  }

  /**
   * Creates from the review step, then waits until the task ended: its
   * output link named `link` shows (the scaffolder shows the output links
   * only once every step succeeded). Answers the task's page.
   */
  async create(link: string): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Create' }).click();
    await this.page.waitForURL(/\/create\/tasks\//);
    const task = this.page.locator('main');
    await task.getByRole('link', { name: link }).waitFor();
    return task;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
