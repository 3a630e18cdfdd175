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

import { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import AddIcon from '@material-ui/icons/Add';
import DeleteIcon from '@material-ui/icons/Delete';

/**
 * Rows of a form list (resource groups, labels, windows) with a remove button
 * each and an add button below. Each row is a group named after the item,
 * e.g. "label 2", so its fields can share short labels.
 */
export function ListEditor<T>(props: {
  /** What one row is, e.g. "label": buttons read "Add label", "Remove label 2". */
  itemName: string;
  items: T[];
  onChange: (items: T[]) => void;
  newItem: () => T;
  renderItem: (item: T, update: (item: T) => void, index: number) => ReactNode;
}) {
  const { itemName, items, onChange, newItem, renderItem } = props;
  const update = (index: number) => (item: T) =>
    onChange(items.map((old, i) => (i === index ? item : old)));
  const remove = (index: number) =>
    onChange(items.filter((_, i) => i !== index));
  return (
    <>
      {items.map((item, index) => (
        <Box
          key={index}
          role="group"
          aria-label={`${itemName} ${index + 1}`}
          display="flex"
          alignItems="flex-start"
          gridGap={8}
        >
          <Box flexGrow={1}>{renderItem(item, update(index), index)}</Box>
          <IconButton
            aria-label={`Remove ${itemName} ${index + 1}`}
            onClick={() => remove(index)}
          >
            <DeleteIcon />
          </IconButton>
        </Box>
      ))}
      <Button
        size="small"
        startIcon={<AddIcon />}
        onClick={() => onChange([...items, newItem()])}
      >
        Add {itemName}
      </Button>
    </>
  );
}
