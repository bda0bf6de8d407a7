import type { Language } from '../../i18n';
import { formEditorWord } from './formEditorWords';

const attributes = ['title', 'placeholder', 'aria-label'] as const;

/**
 * Keeps the form-js editor's own words (palette, properties panel) in the screen's language: form-js renders them in
 * English with Preact and re-renders them at will, so every text and label attribute it writes is translated as it
 * appears (a MutationObserver on the editor), and `relabel` re-translates after a language switch. The form's own
 * texts (labels of the schema) are not form-js's words and stay as the lawyer wrote them.
 */
export function translateFormEditor(container: HTMLElement, language: () => Language): { relabel(): void; disconnect(): void } {
  // What form-js wrote (English) and what we wrote over it, per text node and per attribute.
  const originals = new WeakMap<Node, string>();
  const written = new WeakMap<Node, string>();
  const attributeOriginals = new WeakMap<Element, Map<string, string>>();

  const translateText = (node: Text) => {
    const current = node.nodeValue ?? '';
    if (written.get(node) !== current) {
      originals.set(node, current);
    }
    const english = originals.get(node) ?? current;
    const key = english.trim();
    const word = key ? formEditorWord(key, language()) : undefined;
    if (word) {
      const next = english.replace(key, word);
      written.set(node, next);
      if (current !== next) {
        node.nodeValue = next;
      }
    }
  };

  const translateAttributes = (element: Element) => {
    for (const name of attributes) {
      const current = element.getAttribute(name);
      if (current === null) {
        continue;
      }
      const known = attributeOriginals.get(element) ?? new Map<string, string>();
      const english = known.get(name);
      const source = english !== undefined && formEditorWord(english, language()) !== undefined
        && (current === formEditorWord(english, 'kk') || current === formEditorWord(english, 'ru')) ? english : current;
      const word = formEditorWord(source.trim(), language());
      if (word) {
        known.set(name, source);
        attributeOriginals.set(element, known);
        if (current !== word) {
          element.setAttribute(name, word);
        }
      }
    }
  };

  const translateTree = (root: Node) => {
    if (root.nodeType === Node.TEXT_NODE) {
      translateText(root as Text);
      return;
    }
    if (root.nodeType !== Node.ELEMENT_NODE) {
      return;
    }
    translateAttributes(root as Element);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) {
        translateText(node as Text);
      } else {
        translateAttributes(node as Element);
      }
    }
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') {
        translateText(record.target as Text);
      } else if (record.type === 'attributes') {
        translateAttributes(record.target as Element);
      } else {
        record.addedNodes.forEach(translateTree);
      }
    }
  });
  observer.observe(container, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: [...attributes] });
  translateTree(container);
  return { relabel: () => translateTree(container), disconnect: () => observer.disconnect() };
}
