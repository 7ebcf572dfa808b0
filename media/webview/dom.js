// Shared by Tawsim's webviews, loaded before each page's own script (same nonce). Building
// elements with textContent only: annotated text and file names are never parsed as HTML.
(function () {
  'use strict';

  /**
   * @param {string} tag
   * @param {{ className?: string, text?: string, dir?: string, title?: string }} [options]
   * @param {Node[]} [children]
   */
  function el(tag, options, children) {
    const node = document.createElement(tag);
    if (options) {
      if (options.className) node.className = options.className;
      if (options.text !== undefined) node.textContent = options.text;
      if (options.dir) node.setAttribute('dir', options.dir);
      if (options.title) node.title = options.title;
    }
    if (children) for (const child of children) node.appendChild(child);
    return node;
  }

  window.tawsimDom = { el };
})();
