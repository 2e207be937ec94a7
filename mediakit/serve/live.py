"""What makes a served page live: the reload script, its event stream's state, and the policy.

Open pages learn about each build through Server-Sent Events and reload; a failed build is shown
over the page. The script is injected into HTML *responses* only: the files in site/ stay exactly
what ``mediakit build`` writes, ready to publish. The kit's Content-Security-Policy forbids
scripts, so served pages get a policy that also allows this one same-origin script and its event
stream.
"""

from __future__ import annotations

import html
import re
import threading

PREFIX = "/__mediakit__/"
EVENTS = PREFIX + "events"
SCRIPT = PREFIX + "live.js"

LIVE_JS = """(function () {
  "use strict";
  var me = document.currentScript;
  var served = me ? Number(me.getAttribute("data-build")) : -1;
  var box = null;
  function show(message) {
    if (!box) {
      box = document.createElement("div");
      box.setAttribute("role", "alert");
      box.id = "mediakit-error";
      var s = box.style;
      s.position = "fixed"; s.left = "0"; s.right = "0"; s.bottom = "0"; s.zIndex = "2147483647";
      s.padding = "16px 20px"; s.background = "#7f1d1d"; s.color = "#fff";
      s.font = "15px/1.4 system-ui, sans-serif"; s.boxShadow = "0 -4px 16px rgba(0,0,0,.3)";
      s.whiteSpace = "pre-wrap"; s.overflowWrap = "anywhere";
      document.body.appendChild(box);
    }
    box.textContent = "mediakit could not rebuild the kit:\\n" + message +
      "\\n\\nYou are looking at the last good build. Fix the file and save: " +
      "this page reloads by itself.";
  }
  function hide() { if (box) { box.remove(); box = null; } }
  function notes(list) {
    if (!list || !list.length || document.getElementById("mediakit-notes")) { return; }
    var panel = document.createElement("aside");
    panel.id = "mediakit-notes";
    panel.setAttribute("aria-label", "Notes for you from mediakit");
    var s = panel.style;
    s.position = "fixed"; s.right = "12px"; s.bottom = "12px"; s.maxWidth = "28rem";
    s.zIndex = "2147483646"; s.padding = "12px 16px"; s.background = "#fff7e0";
    s.color = "#3d2b00"; s.border = "1px solid #b7791f"; s.borderRadius = "10px";
    s.font = "14px/1.4 system-ui, sans-serif"; s.boxShadow = "0 4px 16px rgba(0,0,0,.2)";
    s.maxHeight = "40vh"; s.overflow = "auto"; s.overflowWrap = "anywhere";
    var title = document.createElement("strong");
    title.textContent = "For you, not on the published kit (" + list.length + ")";
    var close = document.createElement("button");
    close.type = "button"; close.textContent = "Hide";
    close.style.marginLeft = "8px";
    close.addEventListener("click", function () { panel.remove(); });
    var items = document.createElement("ul");
    items.style.margin = "8px 0 0"; items.style.paddingLeft = "18px";
    list.forEach(function (text) {
      var item = document.createElement("li");
      item.textContent = text;  /* text, never HTML: the notes quote the creator's files */
      items.appendChild(item);
    });
    panel.appendChild(title); panel.appendChild(close); panel.appendChild(items);
    document.body.appendChild(panel);
  }
  var source = new EventSource("/__mediakit__/events");
  source.addEventListener("status", function (event) {
    var data = JSON.parse(event.data);
    if (data.build !== served) { location.reload(); return; }
    if (data.error) { show(data.error); } else { hide(); notes(data.notes); }
  });
  source.addEventListener("reload", function () { location.reload(); });
  source.addEventListener("build-error", function (event) {
    show(JSON.parse(event.data).message);
  });
})();
"""


class LiveState:
    """The latest build's outcome, shared by the watcher thread and every open event stream."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self.build = 0  # counts successful builds: a page knows which one it shows
        self.error: str | None = None  # the last build's error, None when it succeeded
        self.version = 0  # counts outcomes, successful or not
        self.closed = False
        self.notes: list[str] = []  # the last good build's warnings: for the creator's eyes

    def succeeded(self, notes: list[str] | None = None) -> None:
        with self._changed:
            self.build += 1
            self.error = None
            self.notes = list(notes or [])
            self.version += 1
            self._changed.notify_all()

    def failed(self, message: str) -> None:
        with self._changed:
            self.error = message
            self.version += 1
            self._changed.notify_all()

    def close(self) -> None:
        with self._changed:
            self.closed = True
            self._changed.notify_all()

    def wait(self, version: int, timeout: float) -> tuple[int, int, str | None, bool]:
        """Block until an outcome newer than ``version`` (or ``timeout``); (version, build,
        error, closed)."""
        with self._changed:
            self._changed.wait_for(lambda: self.version != version or self.closed, timeout)
            return self.version, self.build, self.error, self.closed


def allow_live_reload(page: str) -> str:
    """Let the served copy of a page run /__mediakit__/live.js and open its event stream."""
    meta = re.compile(r"<meta\b[^>]*http-equiv\s*=\s*[\"']?content-security-policy[^>]*>",
                      re.IGNORECASE)

    def loosen(tag: re.Match[str]) -> str:
        content = re.compile(r"(content\s*=\s*)([\"'])(.*?)\2", re.IGNORECASE | re.DOTALL)
        return content.sub(lambda m: m[1] + '"' + html.escape(_policy(html.unescape(m[3])))
                           + '"', tag[0], count=1)

    return meta.sub(loosen, page)


def _policy(policy: str) -> str:
    directives = [part.strip() for part in policy.split(";") if part.strip()]
    names = [part.split()[0].lower() for part in directives]
    for name in ("script-src", "connect-src"):
        if name in names:
            index = names.index(name)
            tokens = [t for t in directives[index].split() if t.lower() != "'none'"]
            if "'self'" not in tokens:
                tokens.append("'self'")
            directives[index] = " ".join(tokens)
        else:
            directives.append(f"{name} 'self'")
    return "; ".join(directives)


def inject(page: str, build_number: int) -> str:
    """The served page: live-reload script added before </body>, policy loosened for it."""
    tag = f'<script src="{SCRIPT}" data-build="{build_number}"></script>'
    page = allow_live_reload(page)
    at = page.lower().rfind("</body>")
    return page[:at] + tag + "\n" + page[at:] if at >= 0 else page + "\n" + tag + "\n"
