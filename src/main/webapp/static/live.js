/* Live updates of the PC and smartphone home page (issue 26; live.LiveResource). New entries from マイミク (voices,
   diary titles), comments on the member's diaries and マイミク申請 arrive as server-sent events and go to the top of
   the timeline, with a notice 「新着が n 件あります」. Without EventSource, or when the stream keeps failing, the page
   polls /live/events every data-live-poll seconds. Text is set as text, never as markup. */
(function () {
  "use strict";
  var list = document.getElementById("timeline");
  if (!list || !window.JSON || !document.addEventListener) {
    return;
  }
  var last = parseInt(list.getAttribute("data-live-since"), 10) || 0;
  var pollSeconds = parseInt(list.getAttribute("data-live-poll"), 10) || 30;
  var seen = {};
  var count = 0;
  var LABELS = { voice: "ボイス", diary: "日記", comment: "コメント", request: "マイミク申請" };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) {
      e.className = cls;
    }
    if (text !== undefined && text !== null) {
      e.textContent = text;
    }
    return e;
  }

  function link(cls, href, text) {
    var a = el("a", cls, text);
    a.setAttribute("href", href);
    return a;
  }

  function safePath(p) {
    return typeof p === "string" && p.charAt(0) === "/" && p.charAt(1) !== "/" ? p : "/home";
  }

  function notice() {
    var n = document.getElementById("live-notice");
    if (!n) {
      n = el("p", "live-notice");
      n.id = "live-notice";
      n.setAttribute("role", "status");
      list.parentNode.insertBefore(n, list);
      var empty = list.parentNode.querySelector(".timeline-empty");
      if (empty) {
        empty.parentNode.removeChild(empty);
      }
    }
    n.textContent = "新着が " + count + " 件あります";
  }

  function add(item) {
    if (!item || typeof item.id !== "number" || seen[item.id]) {
      return;
    }
    seen[item.id] = true;
    if (item.id > last) {
      last = item.id;
    }
    var kind = LABELS.hasOwnProperty(item.kind) ? item.kind : "voice";
    var member = "/members/" + (parseInt(item.authorId, 10) || 0);
    var li = el("li", "timeline-" + kind + " live-new");
    li.setAttribute("data-" + kind + "-id", String(item.id));
    li.setAttribute("data-live-id", String(item.id));
    var avatar = link("avatar", member, (item.authorName || "？").charAt(0));
    avatar.setAttribute("aria-hidden", "true");
    avatar.setAttribute("tabindex", "-1");
    li.appendChild(avatar);
    var entry = el("div", "entry");
    entry.appendChild(link("who", member, item.authorName || ""));
    entry.appendChild(el("span", "kind kind-" + kind, LABELS[kind]));
    var text = el("p", "text");
    if (kind === "voice") {
      text.textContent = item.text || "";
    } else {
      text.appendChild(link(kind === "diary" ? "diary-title" : "", safePath(item.href), item.text || ""));
    }
    entry.appendChild(text);
    var meta = el("div", "meta");
    meta.appendChild(link("", safePath(item.href), item.when || ""));
    entry.appendChild(meta);
    li.appendChild(entry);
    list.insertBefore(li, list.firstChild);
    count++;
    notice();
  }

  var polling = false;
  function poll() {
    if (polling) {
      return;
    }
    polling = true;
    var again = function () {
      window.setTimeout(tick, pollSeconds * 1000);
    };
    var tick = function () {
      var xhr = new XMLHttpRequest();
      xhr.open("GET", "/live/events?since=" + last);
      xhr.setRequestHeader("Accept", "application/json");
      xhr.onload = function () {
        if (xhr.status === 200) {
          try {
            var data = JSON.parse(xhr.responseText);
            for (var i = 0; i < data.items.length; i++) {
              add(data.items[i]);
            }
            if (typeof data.last === "number" && data.last > last) {
              last = data.last;
            }
            if (typeof data.poll === "number" && data.poll > 0) {
              pollSeconds = data.poll;
            }
          } catch (e) {
            return; // signed out meanwhile: the answer is the top page, stop
          }
          again();
        }
      };
      xhr.onerror = again;
      xhr.send();
    };
    again();
  }

  if (!window.EventSource) {
    poll();
    return;
  }
  var failures = 0;
  var source = new EventSource("/live/stream?since=" + last);
  source.onopen = function () {
    failures = 0;
  };
  source.onmessage = function (e) {
    try {
      add(JSON.parse(e.data));
    } catch (ignored) {
      // a malformed event is skipped
    }
  };
  source.onerror = function () {
    failures++;
    if (source.readyState === 2 || failures >= 3) {
      source.close();
      poll();
    }
  };
  window.addEventListener("pagehide", function () {
    source.close();
  });
})();
