/*!
 * VnRag chat widget — embeddable, dependency-free, grounded Q&A over Vietnamese news.
 *
 * Embed:
 *   <script src="https://host/widget.js" data-api="https://host" data-lang="vi"></script>
 *
 * Script attributes (all optional):
 *   data-api         base URL of the backend; empty/absent = origin the script was loaded from
 *   data-lang        "vi" (default) or "en": default interface language
 *   data-top-k       number of passages to retrieve (1..20, default 5)
 *   data-slow-ms     "server is slow" notice when no byte arrived after this (default 15000)
 *   data-timeout-ms  abort when nothing arrived for this long (default 60000)
 *
 * Public hook: window.VnRagWidget = { open(), close(), toggle(), ask(question), setLang(lang),
 *   newConversation(), clear() }
 * Follow-up questions send the earlier turns of their conversation as `history` (DESIGN.md); the
 * "new conversation" button starts a conversation whose questions stand on their own.
 *
 * Security: every piece of text that comes from a user or the server is inserted with
 * textContent / text nodes; links from data are limited to http(s).
 */
(function () {
  "use strict";

  if (window.VnRagWidget && window.VnRagWidget.__loaded) return;

  var script = document.currentScript;

  // ---------------------------------------------------------------- config
  function attr(name) {
    return script && script.hasAttribute(name) ? script.getAttribute(name) : null;
  }
  function intAttr(name, dflt, min, max) {
    var v = parseInt(attr(name), 10);
    if (!isFinite(v)) return dflt;
    return Math.min(max, Math.max(min, v));
  }
  function resolveApi() {
    var raw = (attr("data-api") || "").trim();
    var base;
    try {
      if (raw) base = new URL(raw, location.href).href;
      else if (script && script.src) base = new URL(script.src, location.href).origin;
      else base = location.origin;
    } catch (e) {
      base = location.origin;
    }
    return base.replace(/\/+$/, "");
  }

  var API = resolveApi();
  var TOP_K = intAttr("data-top-k", 5, 1, 20);
  var SLOW_MS = intAttr("data-slow-ms", 15000, 100, 600000);
  var TIMEOUT_MS = intAttr("data-timeout-ms", 60000, 200, 3600000);
  var MAX_QUESTION = 2000;
  var STORE_KEY = "vnrag-widget:v2:" + API; // v2: {conv, turns}; a v1 array of turns is still read
  var OLD_STORE_KEY = "vnrag-widget:v1:" + API;
  var LANG_KEY = "vnrag-widget:lang";

  // ---------------------------------------------------------------- strings
  var STRINGS = {
    vi: {
      launcher: "Trợ lý hỏi đáp tin tức",
      panel: "Trợ lý hỏi đáp tin tức",
      title: "Trợ lý tin tức",
      subtitle: "Hỏi đáp có trích dẫn nguồn",
      langToggle: "Switch to English",
      close: "Đóng",
      clear: "Xóa hội thoại",
      newChat: "Cuộc hội thoại mới",
      newChatHint: "Câu hỏi tiếp theo không dựa vào các câu trước.",
      clearConfirm: "Xóa toàn bộ hội thoại?",
      messages: "Hội thoại",
      welcome:
        "Xin chào! Tôi trả lời câu hỏi dựa trên các bài báo đã thu thập. Mỗi câu trả lời đều kèm nguồn trích dẫn.",
      suggestionsLabel: "Câu hỏi gợi ý",
      suggestions: [
        "Thỏa thuận được ký khi nào, ở đâu?",
        "Phiên họp thứ 9 Nhóm công tác liên hợp diễn ra ở đâu?",
      ],
      placeholder: "Nhập câu hỏi…",
      inputLabel: "Câu hỏi của bạn",
      send: "Gửi câu hỏi",
      hint: "Trả lời dựa trên các bài báo đã thu thập, kèm trích dẫn.",
      you: "Bạn",
      bot: "Trợ lý",
      thinking: "Đang tìm câu trả lời…",
      slow: "Máy chủ đang phản hồi chậm… Vẫn đang chờ.",
      abstained: "Không tìm thấy câu trả lời trong dữ liệu",
      sources: "Nguồn",
      nearest: "Các đoạn liên quan nhất",
      citation: function (n) {
        return "Nguồn " + n;
      },
      published: "Ngày đăng",
      inferred: "(ngày suy đoán)",
      noDate: "Không rõ ngày",
      openArticle: "Xem bài viết",
      original: "Bài gốc",
      newTab: "(mở trong thẻ mới)",
      back: "Quay lại hội thoại",
      backShort: "Quay lại",
      loadingArticle: "Đang tải bài viết…",
      articleError: "Không tải được bài viết.",
      author: "Tác giả",
      untitled: "(Không có tiêu đề)",
      quoteNotFound: "Không tìm thấy đoạn trích dẫn nguyên văn trong bài.",
      retry: "Thử lại",
      errNetwork: "Không kết nối được máy chủ. Vui lòng thử lại.",
      errTimeout: function (s) {
        return "Máy chủ không phản hồi sau " + s + " giây. Vui lòng thử lại.";
      },
      errBusy: "Máy chủ đang quá tải. Vui lòng thử lại sau giây lát.",
      errServer: "Máy chủ gặp sự cố. Vui lòng thử lại sau.",
      errBad: "Máy chủ trả về dữ liệu không hợp lệ. Vui lòng thử lại.",
      errInterrupted: "Yêu cầu đã bị gián đoạn. Vui lòng thử lại.",
      errHttp: function (s) {
        return "Yêu cầu không hợp lệ (HTTP " + s + ").";
      },
      errTooLong: function (n) {
        return "Câu hỏi quá dài (tối đa " + n + " ký tự).";
      },
    },
    en: {
      launcher: "News Q&A assistant",
      panel: "News Q&A assistant",
      title: "News assistant",
      subtitle: "Answers with cited sources",
      langToggle: "Chuyển sang tiếng Việt",
      close: "Close",
      clear: "Clear conversation",
      newChat: "New conversation",
      newChatHint: "The next question does not build on the earlier ones.",
      clearConfirm: "Clear the whole conversation?",
      messages: "Conversation",
      welcome:
        "Hello! I answer questions from the collected news articles. Every answer comes with cited sources.",
      suggestionsLabel: "Suggested questions",
      suggestions: [
        "Where was the 9th Joint Working Group session held?",
        "Who signed the agreement, and when?",
      ],
      placeholder: "Ask a question…",
      inputLabel: "Your question",
      send: "Send question",
      hint: "Answers are grounded in the collected articles, with citations.",
      you: "You",
      bot: "Assistant",
      thinking: "Looking for an answer…",
      slow: "The server is responding slowly… Still waiting.",
      abstained: "No answer found in the articles",
      sources: "Sources",
      nearest: "Closest passages",
      citation: function (n) {
        return "Source " + n;
      },
      published: "Published",
      inferred: "(inferred date)",
      noDate: "Date unknown",
      openArticle: "Open article",
      original: "Original source",
      newTab: "(opens in a new tab)",
      back: "Back to conversation",
      backShort: "Back",
      loadingArticle: "Loading article…",
      articleError: "Could not load the article.",
      author: "Author",
      untitled: "(Untitled)",
      quoteNotFound: "The exact quoted passage was not found in the article.",
      retry: "Retry",
      errNetwork: "Cannot reach the server. Please try again.",
      errTimeout: function (s) {
        return "The server did not respond within " + s + " seconds. Please try again.";
      },
      errBusy: "The server is busy. Please try again in a moment.",
      errServer: "The server ran into a problem. Please try again later.",
      errBad: "The server sent an invalid response. Please try again.",
      errInterrupted: "The request was interrupted. Please try again.",
      errHttp: function (s) {
        return "Invalid request (HTTP " + s + ").";
      },
      errTooLong: function (n) {
        return "The question is too long (at most " + n + " characters).";
      },
    },
  };

  function storageGet(key) {
    try {
      return window.sessionStorage.getItem(key);
    } catch (e) {
      return null;
    }
  }
  function storageSet(key, value) {
    try {
      if (value === null) window.sessionStorage.removeItem(key);
      else window.sessionStorage.setItem(key, value);
    } catch (e) {
      /* storage unavailable or full: the conversation still lives in memory */
    }
  }

  var lang = (function () {
    var stored = storageGet(LANG_KEY);
    if (stored === "vi" || stored === "en") return stored;
    var d = (attr("data-lang") || "vi").toLowerCase();
    return d.indexOf("en") === 0 ? "en" : "vi";
  })();

  function t(key) {
    var v = STRINGS[lang][key];
    if (typeof v === "function") return v.apply(null, Array.prototype.slice.call(arguments, 1));
    return v;
  }

  // ---------------------------------------------------------------- DOM helpers
  function el(tag, props, children) {
    var node = document.createElement(tag);
    if (props) {
      for (var k in props) {
        if (!Object.prototype.hasOwnProperty.call(props, k)) continue;
        var v = props[k];
        if (v === null || v === undefined || v === false) continue;
        if (k === "class") node.className = v;
        else if (k === "text") node.textContent = v;
        else if (k === "testid") node.setAttribute("data-testid", v);
        else if (k.slice(0, 2) === "on" && typeof v === "function") node.addEventListener(k.slice(2), v);
        else node.setAttribute(k, v === true ? "" : String(v));
      }
    }
    append(node, children);
    return node;
  }
  function append(node, children) {
    if (children === null || children === undefined) return node;
    if (!Array.isArray(children)) children = [children];
    children.forEach(function (c) {
      if (c === null || c === undefined || c === false) return;
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }
  function clearNode(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  var SVGNS = "http://www.w3.org/2000/svg";
  var ICONS = {
    chat: ["M21 11.5a8.4 8.4 0 0 1-12.3 7.4L3.5 20.5l1.6-4.6A8.4 8.4 0 1 1 21 11.5z", "M8.5 10h7", "M8.5 13.5h4.5"],
    close: ["M6 6l12 12", "M18 6L6 18"],
    send: ["M5 12h13", "M12.5 6l6 6-6 6"],
    back: ["M19 12H5", "M11 18l-6-6 6-6"],
    external: ["M14 4h6v6", "M20 4l-9 9", "M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5"],
    plus: ["M12 5v14", "M5 12h14"],
    trash: ["M4 7h16", "M9 7V4.5h6V7", "M6.5 7l1 13h9l1-13", "M10 11v5.5", "M14 11v5.5"],
    info: ["M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z", "M12 11v5", "M12 7.6v.1"],
    alert: ["M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z", "M12 7.5v5.5", "M12 16.4v.1"],
    retry: ["M20 12a8 8 0 1 1-2.4-5.7", "M20 4v5h-5"],
    doc: ["M7 3h7l5 5v13H7z", "M14 3v5h5", "M10 13h6", "M10 17h6"],
  };
  function icon(name, size) {
    var svg = document.createElementNS(SVGNS, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("width", String(size || 20));
    svg.setAttribute("height", String(size || 20));
    svg.setAttribute("fill", "none");
    svg.setAttribute("stroke", "currentColor");
    svg.setAttribute("stroke-width", "2");
    svg.setAttribute("stroke-linecap", "round");
    svg.setAttribute("stroke-linejoin", "round");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    ICONS[name].forEach(function (d) {
      var p = document.createElementNS(SVGNS, "path");
      p.setAttribute("d", d);
      svg.appendChild(p);
    });
    return svg;
  }

  function safeUrl(u) {
    if (typeof u !== "string" || !u.trim()) return null;
    try {
      var url = new URL(u.trim(), location.href);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  function fmtDate(s) {
    if (!s) return "";
    var m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(String(s));
    if (!m) return String(s);
    if (m[3]) return m[3] + "/" + m[2] + "/" + m[1];
    if (m[2]) return m[2] + "/" + m[1];
    return m[1];
  }

  function str(v) {
    return typeof v === "string" ? v : v === null || v === undefined ? "" : String(v);
  }

  // ---------------------------------------------------------------- SSE parsing
  // Incremental parser for the text/event-stream format: feed decoded text with push(),
  // call end() at EOF. Handles \n, \r\n and \r line ends, also when split across chunks,
  // multi-line data fields, comments and the optional space after the colon.
  function createSSEParser(onEvent) {
    var buf = "";
    var data = [];
    var eventName = "";
    function line(l) {
      if (l === "") {
        if (data.length) onEvent(eventName || "message", data.join("\n"));
        data = [];
        eventName = "";
        return;
      }
      if (l.charAt(0) === ":") return;
      var i = l.indexOf(":");
      var field = i < 0 ? l : l.slice(0, i);
      var value = i < 0 ? "" : l.slice(i + 1);
      if (value.charAt(0) === " ") value = value.slice(1);
      if (field === "event") eventName = value;
      else if (field === "data") data.push(value);
    }
    return {
      push: function (text) {
        buf += text;
        for (;;) {
          var idx = buf.search(/[\r\n]/);
          if (idx < 0) break;
          if (buf.charAt(idx) === "\r" && idx === buf.length - 1) break; // maybe \r\n split across chunks
          var len = buf.charAt(idx) === "\r" && buf.charAt(idx + 1) === "\n" ? 2 : 1;
          var l = buf.slice(0, idx);
          buf = buf.slice(idx + len);
          line(l);
        }
      },
      end: function () {
        if (buf) line(buf.replace(/\r$/, ""));
        buf = "";
        line(""); // lenient: dispatch a final event even without its blank line
      },
    };
  }

  // ---------------------------------------------------------------- networking
  function HttpError(status, detail) {
    this.name = "HttpError";
    this.status = status;
    this.detail = detail;
  }
  function StreamError(detail) {
    this.name = "StreamError";
    this.detail = detail;
  }
  function BadResponse(msg) {
    this.name = "BadResponse";
    this.message = msg;
  }

  function detailText(d) {
    var s = "";
    if (typeof d === "string") s = d;
    else if (Array.isArray(d)) {
      s = d
        .map(function (x) {
          if (x && typeof x === "object") {
            var loc = Array.isArray(x.loc)
              ? x.loc.filter(function (p) {
                  return p !== "body";
                }).join(".")
              : "";
            var msg = typeof x.msg === "string" ? x.msg : JSON.stringify(x);
            return loc ? loc + ": " + msg : msg;
          }
          return str(x);
        })
        .join("; ");
    } else if (d && typeof d === "object") {
      s = typeof d.message === "string" ? d.message : typeof d.msg === "string" ? d.msg : JSON.stringify(d);
    }
    s = s.trim();
    return s.length > 600 ? s.slice(0, 600) + "…" : s;
  }

  function readHttpError(res) {
    return res
      .text()
      .then(function (body) {
        var detail = "";
        try {
          detail = detailText(JSON.parse(body).detail);
        } catch (e) {
          detail = "";
        }
        return new HttpError(res.status, detail);
      })
      .catch(function () {
        return new HttpError(res.status, "");
      });
  }

  function normalizeAnswer(a) {
    if (!a || typeof a !== "object" || typeof a.answer !== "string") throw new BadResponse("no answer");
    var cites = Array.isArray(a.citations) ? a.citations : [];
    return {
      question: str(a.question),
      answer: a.answer,
      abstained: !!a.abstained,
      language: a.language === "en" ? "en" : /^vi/.test(str(a.language)) ? "vi" : "",
      citations: cites
        .filter(function (c) {
          return c && typeof c === "object";
        })
        .map(function (c, i) {
          var n = parseInt(c.n, 10);
          return {
            n: isFinite(n) ? n : i + 1,
            doc_id: str(c.doc_id),
            chunk_id: str(c.chunk_id),
            title: str(c.title),
            published: c.published ? str(c.published) : null,
            url: c.url ? str(c.url) : null,
            quote: str(c.quote),
            quotes: (Array.isArray(c.quotes) && c.quotes.length ? c.quotes : [c.quote]).map(str).filter(Boolean),
          };
        }),
    };
  }

  function postJson(path, body, signal) {
    return fetch(API + path, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: body,
      signal: signal,
      cache: "no-store",
      credentials: "omit",
    });
  }

  function askPlain(body, signal, onByte) {
    return postJson("/ask", body, signal).then(function (res) {
      if (!res.ok) return readHttpError(res).then(function (e) {
        throw e;
      });
      onByte();
      return res.json().then(normalizeAnswer, function () {
        throw new BadResponse("json");
      });
    });
  }

  // At most n characters (code points, as the server counts them: a surrogate pair is never split).
  function clip(s, n) {
    return s.length <= n ? s : Array.from(s).slice(0, n).join("");
  }

  // The conversation before turn tn: its answered questions, oldest first (DESIGN.md history).
  function historyOf(tn) {
    var items = [];
    for (var i = 0; i < turns.length && turns[i] !== tn; i++) {
      var p = turns[i];
      if (p.conv !== tn.conv || p.status !== "done" || !p.answer) continue;
      items.push({ role: "user", content: clip(p.question, 2000) });
      items.push({ role: "assistant", content: clip(p.answer.answer, 5000) });
    }
    return items.slice(-MAX_HISTORY);
  }

  // Streams an answer: calls onByte() whenever bytes arrive and onDelta(text) for each delta.
  // Resolves with the normalized Answer; falls back to POST /ask when streaming is unavailable.
  function requestAnswer(question, history, signal, onByte, onDelta) {
    var payload = { question: question, top_k: TOP_K };
    if (history.length) payload.history = history;
    var body = JSON.stringify(payload);
    var canStream = typeof TextDecoder === "function" && typeof ReadableStream === "function";
    if (!canStream) return askPlain(body, signal, onByte);

    return fetch(API + "/ask/stream", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
      body: body,
      signal: signal,
      cache: "no-store",
      credentials: "omit",
    }).then(function (res) {
      if (res.status === 404 || res.status === 405 || res.status === 501) return askPlain(body, signal, onByte);
      if (!res.ok) return readHttpError(res).then(function (e) {
        throw e;
      });
      var ctype = (res.headers.get("content-type") || "").toLowerCase();
      if (ctype.indexOf("application/json") >= 0) {
        onByte();
        return res.json().then(normalizeAnswer);
      }

      var answer = null;
      var failure = null;
      var parser = createSSEParser(function (name, data) {
        if (answer || failure) return;
        var obj = null;
        try {
          obj = JSON.parse(data);
        } catch (e) {
          obj = null;
        }
        if (name === "delta") {
          var piece = obj && typeof obj === "object" ? obj.text : typeof obj === "string" ? obj : data;
          if (typeof piece === "string" && piece) onDelta(piece);
        } else if (name === "answer") {
          try {
            answer = normalizeAnswer(obj);
          } catch (e) {
            failure = e;
          }
        } else if (name === "error") {
          failure = new StreamError(obj && typeof obj === "object" ? detailText(obj.detail) : str(data));
        } else if (name === "message" && obj && typeof obj === "object") {
          if (typeof obj.answer === "string") answer = normalizeAnswer(obj);
          else if (typeof obj.text === "string") onDelta(obj.text);
        }
      });

      function finish() {
        if (failure) throw failure;
        if (answer) return answer;
        // The stream ended without the final answer: ask again without streaming.
        return askPlain(body, signal, onByte);
      }

      if (!res.body || typeof res.body.getReader !== "function") {
        return res.text().then(function (text) {
          onByte();
          parser.push(text);
          parser.end();
          return finish();
        });
      }

      var reader = res.body.getReader();
      var decoder = new TextDecoder("utf-8");
      function pump() {
        return reader.read().then(function (r) {
          if (r.value && r.value.length) {
            onByte();
            parser.push(decoder.decode(r.value, { stream: true }));
          }
          if (answer || failure) {
            reader.cancel().catch(function () {});
            return finish();
          }
          if (r.done) {
            parser.push(decoder.decode());
            parser.end();
            return finish();
          }
          return pump();
        });
      }
      return pump();
    });
  }

  function fetchDocument(docId) {
    var ctrl = typeof AbortController === "function" ? new AbortController() : null;
    var timer = setTimeout(function () {
      if (ctrl) ctrl.abort();
    }, TIMEOUT_MS);
    return fetch(API + "/documents/" + encodeURIComponent(docId), {
      headers: { Accept: "application/json" },
      signal: ctrl ? ctrl.signal : undefined,
      credentials: "omit",
    })
      .then(function (res) {
        if (!res.ok) return readHttpError(res).then(function (e) {
          throw e;
        });
        return res.json();
      })
      .then(function (doc) {
        if (!doc || typeof doc !== "object") throw new BadResponse("doc");
        return doc;
      })
      .finally(function () {
        clearTimeout(timer);
      });
  }

  // ---------------------------------------------------------------- styles
  var CSS = [
    ":host{all:initial;}",
    "*,*::before,*::after{box-sizing:border-box;}",
    "[hidden]{display:none !important;}",
    ".root{--primary:#0f766e;--primary-dark:#115e59;--primary-soft:#e3f2ef;--ink:#1e293b;--muted:#64748b;--line:#e2e8f0;--bg:#f7f9fb;",
    "font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue','Noto Sans','Liberation Sans',Arial,sans-serif;",
    "font-size:15px;line-height:1.5;color:var(--ink);-webkit-font-smoothing:antialiased;text-align:left;",
    // reset everything a host page could make us inherit
    "font-weight:400;font-style:normal;font-variant:normal;font-stretch:normal;letter-spacing:normal;word-spacing:normal;",
    "text-transform:none;text-indent:0;text-shadow:none;text-decoration:none;white-space:normal;direction:ltr;visibility:visible;cursor:auto;}",
    "button{font:inherit;color:inherit;}",
    "button:focus-visible,a:focus-visible,textarea:focus-visible{outline:2px solid var(--primary);outline-offset:2px;}",
    ".sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0;}",
    // launcher
    ".launcher{position:fixed;right:24px;bottom:24px;width:60px;height:60px;border-radius:50%;border:0;padding:0;",
    "background:var(--primary);color:#fff;cursor:pointer;display:flex;align-items:center;justify-content:center;",
    "box-shadow:0 10px 28px rgba(15,80,75,.30),0 2px 6px rgba(15,23,42,.12);z-index:2147483000;",
    "transition:transform .18s ease,background-color .18s ease;}",
    ".launcher:hover{background:var(--primary-dark);transform:translateY(-1px) scale(1.03);}",
    ".launcher:focus-visible{outline:3px solid #99d5cc;outline-offset:3px;}",
    ".launcher .ic-close{display:none;}",
    ".root.open .launcher .ic-chat{display:none;}",
    ".root.open .launcher .ic-close{display:block;}",
    // panel
    ".panel{position:fixed;right:24px;bottom:96px;width:400px;max-width:calc(100vw - 32px);height:640px;max-height:calc(100vh - 120px);",
    "background:#fff;border-radius:18px;border:1px solid rgba(15,23,42,.08);overflow:hidden;overflow:clip;display:flex;flex-direction:column;",
    "box-shadow:0 24px 60px rgba(15,23,42,.20),0 4px 12px rgba(15,23,42,.08);z-index:2147483001;",
    "animation:vnrag-in .18s ease-out;}",
    "@keyframes vnrag-in{from{opacity:0;transform:translateY(8px) scale(.985);}to{opacity:1;transform:none;}}",
    // header
    ".header{display:flex;align-items:center;gap:6px;padding:12px 8px 12px 14px;background:var(--primary);color:#fff;flex:none;}",
    ".avatar{width:34px;height:34px;border-radius:50%;background:rgba(255,255,255,.16);display:flex;align-items:center;justify-content:center;flex:none;margin-right:4px;}",
    ".titles{flex:1;min-width:0;margin-right:2px;}",
    ".title{margin:0;font-size:15.5px;font-weight:650;line-height:1.25;letter-spacing:.005em;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;}",
    ".subtitle{margin:1px 0 0;font-size:12px;opacity:.82;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;}",
    ".lang{display:inline-flex;align-items:center;border:1px solid rgba(255,255,255,.45);border-radius:999px;padding:2px;background:transparent;cursor:pointer;flex:none;}",
    ".lang span{font-size:11.5px;font-weight:650;letter-spacing:.04em;padding:3px 8px;border-radius:999px;line-height:1.2;color:rgba(255,255,255,.85);}",
    ".lang span.on{background:#fff;color:var(--primary-dark);}",
    ".lang:focus-visible,.icon-btn:focus-visible{outline:2px solid #fff;outline-offset:1px;}",
    ".icon-btn{width:34px;height:34px;border-radius:10px;border:0;background:transparent;color:#fff;display:inline-flex;align-items:center;justify-content:center;cursor:pointer;flex:none;padding:0;}",
    ".icon-btn:hover{background:rgba(255,255,255,.14);}",
    ".icon-btn:disabled{opacity:.45;cursor:default;background:transparent;}",
    // body
    ".body{position:relative;flex:1;min-height:0;background:var(--bg);}",
    ".messages{height:100%;overflow-y:auto;padding:16px 14px 20px;display:flex;flex-direction:column;gap:14px;scroll-behavior:smooth;overscroll-behavior:contain;}",
    ".welcome{background:#fff;border:1px solid var(--line);border-radius:14px;padding:14px 14px 12px;color:#334155;font-size:14.5px;}",
    ".welcome p{margin:0 0 10px;}",
    ".sugg-label{font-size:11.5px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);font-weight:600;margin:0 0 6px;}",
    ".sugg{display:block;width:100%;text-align:left;background:var(--primary-soft);color:var(--primary-dark);border:0;border-radius:10px;padding:8px 11px;margin-top:6px;cursor:pointer;font-size:14px;line-height:1.4;}",
    ".sugg:hover{background:#d3ebe6;}",
    ".turn{display:flex;flex-direction:column;gap:8px;}",
    ".msg{display:flex;flex-direction:column;max-width:100%;}",
    ".msg.user{align-items:flex-end;}",
    ".msg.bot{align-items:flex-start;}",
    ".bubble{padding:10px 13px;border-radius:16px;max-width:88%;overflow-wrap:anywhere;white-space:pre-wrap;}",
    ".msg.user .bubble{background:var(--primary);color:#fff;border-bottom-right-radius:5px;}",
    ".msg.bot .bubble{background:#fff;border:1px solid var(--line);border-bottom-left-radius:5px;max-width:94%;box-shadow:0 1px 2px rgba(15,23,42,.04);}",
    ".msg.bot .bubble.abstained{background:#f4f5f7;border:1px dashed #c3cad5;color:#475569;box-shadow:none;}",
    ".abstain-label{display:flex;align-items:center;gap:6px;font-size:12px;font-weight:650;color:var(--muted);margin-bottom:4px;white-space:normal;letter-spacing:.01em;}",
    ".bubble.error{background:#fdf2f2;border:1px solid #f4c7c7;color:#8f1d1d;white-space:normal;}",
    ".article-scroll .bubble.error{max-width:none;margin:10px 0 4px;border-radius:12px;}",
    ".err-row{display:flex;gap:8px;align-items:flex-start;}",
    ".err-row svg{flex:none;margin-top:2px;}",
    ".retry{display:inline-flex;align-items:center;gap:6px;margin-top:8px;border:1px solid #e9b0b0;background:#fff;color:#8f1d1d;border-radius:999px;padding:4px 12px;font-size:13px;font-weight:600;cursor:pointer;}",
    ".retry:hover{background:#fff7f7;}",
    ".typing{display:inline-flex;gap:4px;align-items:center;height:20px;}",
    ".typing i{width:7px;height:7px;border-radius:50%;background:#94a3b8;animation:vnrag-dot 1.2s infinite ease-in-out;}",
    ".typing i:nth-child(2){animation-delay:.15s;}.typing i:nth-child(3){animation-delay:.3s;}",
    "@keyframes vnrag-dot{0%,80%,100%{opacity:.3;transform:translateY(0);}40%{opacity:1;transform:translateY(-3px);}}",
    ".slow{margin-top:6px;font-size:12.5px;color:#92400e;white-space:normal;}",
    ".caret{display:inline-block;width:7px;height:1em;margin-left:2px;vertical-align:-2px;background:var(--primary);opacity:.55;animation:vnrag-blink 1s steps(2) infinite;}",
    "@keyframes vnrag-blink{50%{opacity:0;}}",
    ".cite{display:inline-flex;align-items:center;justify-content:center;min-width:19px;height:18px;padding:0 5px;margin:0 1px;",
    "border-radius:9px;border:1px solid transparent;background:var(--primary-soft);color:var(--primary-dark);font-size:11px;font-weight:700;",
    "line-height:1;vertical-align:2px;cursor:pointer;font-variant-numeric:tabular-nums;}",
    ".cite:hover{border-color:#8fcfc4;}",
    "@media (pointer:coarse){.cite{min-width:24px;height:22px;border-radius:11px;font-size:12px;vertical-align:1px;}}",
    ".cite[aria-expanded='true']{background:var(--primary);color:#fff;}",
    // citation detail
    ".cite-detail{margin-top:8px;max-width:94%;width:94%;background:#fff;border:1px solid var(--line);border-left:3px solid var(--primary);border-radius:10px;padding:10px 12px;font-size:14px;animation:vnrag-in .15s ease-out;}",
    ".cd-head{display:flex;align-items:baseline;gap:8px;margin-bottom:6px;}",
    ".cd-n{font-size:11px;font-weight:700;color:var(--primary-dark);background:var(--primary-soft);border-radius:6px;padding:1px 6px;flex:none;}",
    ".cd-title{font-weight:650;color:#0f172a;line-height:1.35;}",
    ".quote{margin:0;padding:0;color:#334155;font-size:14px;line-height:1.55;white-space:pre-wrap;overflow-wrap:anywhere;}",
    ".quote::before{content:'\\201C';}.quote::after{content:'\\201D';}",
    ".divider{display:flex;align-items:center;gap:8px;margin:6px 0;color:#64748b;font-size:12px;}",
    ".divider::before,.divider::after{content:'';flex:1;border-top:1px solid #e2e8f0;}",
    ".cd-meta{margin-top:6px;font-size:12.5px;color:var(--muted);}",
    ".actions{display:flex;flex-wrap:wrap;gap:8px;margin-top:9px;}",
    ".btn{display:inline-flex;align-items:center;gap:6px;border-radius:8px;padding:5px 10px;font-size:13px;font-weight:600;cursor:pointer;text-decoration:none;line-height:1.3;}",
    ".btn.primary{background:var(--primary);color:#fff;border:1px solid var(--primary);}",
    ".btn.primary:hover{background:var(--primary-dark);}",
    ".btn.ghost{background:#fff;color:var(--primary-dark);border:1px solid #bfded8;}",
    ".btn.ghost:hover{background:var(--primary-soft);}",
    // sources list
    ".sources{margin-top:8px;width:94%;max-width:94%;}",
    ".sources-h{margin:0 0 4px 2px;font-size:11px;font-weight:650;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);}",
    ".sources ol{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:2px;}",
    ".src{display:flex;width:100%;gap:8px;align-items:flex-start;text-align:left;background:transparent;border:0;border-radius:8px;padding:5px 6px;cursor:pointer;font-size:13px;line-height:1.4;color:#334155;}",
    ".src:hover{background:#eef2f6;}",
    ".src[aria-expanded='true']{background:var(--primary-soft);}",
    ".src-n{flex:none;min-width:20px;height:18px;border-radius:9px;background:#e8edf2;color:#475569;font-size:11px;font-weight:700;display:inline-flex;align-items:center;justify-content:center;margin-top:1px;}",
    ".src-t{flex:1;min-width:0;overflow:hidden;display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;}",
    ".src-d{flex:none;color:#94a3b8;font-size:12px;margin-top:1px;font-variant-numeric:tabular-nums;}",
    // article view
    ".article-view{position:absolute;inset:0;background:#fff;display:flex;flex-direction:column;z-index:2;animation:vnrag-in .15s ease-out;}",
    ".article-bar{display:flex;align-items:center;gap:8px;padding:8px 10px;border-bottom:1px solid var(--line);flex:none;background:#fff;}",
    ".back{flex:none;display:inline-flex;align-items:center;gap:6px;border:0;background:transparent;color:var(--primary-dark);font-weight:600;font-size:14px;padding:6px 8px;border-radius:8px;cursor:pointer;}",
    ".back:hover{background:var(--primary-soft);}",
    ".bar-text{flex:1;min-width:0;display:flex;flex-direction:column;line-height:1.35;}",
    ".bar-title{font-size:13px;color:var(--muted);white-space:nowrap;overflow:hidden;text-overflow:ellipsis;}",
    ".bar-meta{font-size:12px;color:var(--muted);overflow-wrap:anywhere;}",
    ".article-scroll{flex:1;overflow-y:auto;padding:16px 20px 28px;overscroll-behavior:contain;}",
    ".article-title{margin:0 0 6px;font-size:18px;line-height:1.35;font-weight:700;color:#0f172a;outline:none;}",
    ".article-meta{font-size:12.5px;color:var(--muted);margin-bottom:10px;}",
    ".article-text p{margin:0 0 12px;font-size:15px;line-height:1.7;color:#1e293b;overflow-wrap:anywhere;white-space:pre-wrap;}",
    "mark{background:#fdf0a6;color:inherit;border-radius:3px;padding:1px 2px;box-shadow:0 0 0 1px #f2dc6b;}",
    ".note{font-size:12.5px;color:#92400e;background:#fffbeb;border:1px solid #fde68a;border-radius:8px;padding:6px 10px;margin:0 0 12px;}",
    ".loading{color:var(--muted);font-size:14px;display:flex;align-items:center;gap:8px;}",
    // composer
    ".composer{flex:none;border-top:1px solid var(--line);background:#fff;padding:10px 12px 8px;}",
    ".row{display:flex;align-items:flex-end;gap:8px;}",
    "textarea{flex:1;resize:none;min-height:42px;max-height:132px;border:1px solid #cfd8e3;border-radius:12px;padding:10px 12px;font:inherit;font-size:15px;line-height:1.4;color:var(--ink);background:#fff;outline:none;}",
    "textarea::placeholder{color:#94a3b8;}",
    "textarea:focus{border-color:var(--primary);box-shadow:0 0 0 3px rgba(15,118,110,.15);}",
    "textarea:focus-visible{outline:none;}",
    ".send{width:42px;height:42px;border-radius:12px;border:0;background:var(--primary);color:#fff;display:inline-flex;align-items:center;justify-content:center;cursor:pointer;flex:none;padding:0;}",
    ".send:hover:not(:disabled){background:var(--primary-dark);}",
    ".send:disabled{background:#b8c4cf;cursor:not-allowed;}",
    ".hint{margin:6px 2px 0;font-size:11.5px;color:#94a3b8;text-align:center;}",
    // small screens: full viewport
    "@media (max-width:480px){",
    ".panel{top:0;left:0;right:0;bottom:0;width:100%;max-width:none;height:100%;max-height:none;border-radius:0;border:0;}",
    ".root.open .launcher{display:none;}",
    "textarea{font-size:16px;}",
    ".bubble{max-width:92%;}",
    "}",
    "@media (prefers-reduced-motion:reduce){*{animation:none !important;transition:none !important;scroll-behavior:auto !important;}}",
  ].join("\n");

  // ---------------------------------------------------------------- state
  var turns = []; // {id, conv, question, status: pending|done|error, answer, error, streamText, slow, openCite}
  var conv = 0; // the current conversation: follow-up questions send the earlier turns of theirs as history
  var MAX_HISTORY = 10; // turns (a question and its answer are two)
  var busy = false;
  var isOpen = false;
  var seq = 0;
  var docCache = {};
  var articleState = null; // {docId, quote, title, url, published, returnTo}
  var ui = {};

  function save() {
    var data = turns.slice(-40).map(function (tn) {
      return {
        question: tn.question,
        conv: tn.conv,
        status: tn.status === "pending" ? "error" : tn.status,
        answer: tn.status === "done" ? tn.answer : null,
        error: tn.status === "pending" ? { kind: "interrupted" } : tn.error,
      };
    });
    storageSet(STORE_KEY, data.length ? JSON.stringify({ conv: conv, turns: data }) : null);
  }
  function restore() {
    var raw = storageGet(STORE_KEY);
    var legacy = false;
    if (!raw) {
      raw = storageGet(OLD_STORE_KEY);
      legacy = !!raw;
    }
    if (!raw) return;
    try {
      var stored = JSON.parse(raw);
      var data = Array.isArray(stored) ? stored : stored && Array.isArray(stored.turns) ? stored.turns : null;
      if (!data) return;
      if (stored.conv === +stored.conv) conv = stored.conv;
      // turns kept by an older widget: shown, but the next question starts a new conversation
      var restoredConv = legacy ? 0 : conv;
      if (legacy) conv = 1;
      data.forEach(function (d) {
        if (!d || typeof d.question !== "string") return;
        var tn = newTurn(d.question);
        tn.conv = d.conv === +d.conv ? d.conv : restoredConv;
        if (d.status === "done" && d.answer) {
          try {
            tn.answer = normalizeAnswer(d.answer);
            tn.status = "done";
          } catch (e) {
            tn.status = "error";
            tn.error = { kind: "interrupted" };
          }
        } else {
          tn.status = "error";
          tn.error = d.error && typeof d.error.kind === "string" ? d.error : { kind: "interrupted" };
        }
        turns.push(tn);
      });
    } catch (e) {
      /* ignore a corrupt store */
    }
  }
  function newTurn(q) {
    seq += 1;
    return { id: "t" + seq, conv: conv, question: q, status: "pending", answer: null, error: null, streamText: "", slow: false, openCite: null, el: null };
  }

  // ---------------------------------------------------------------- build shell
  function build() {
    // An autonomous custom element name: page rules aimed at div/section do not hit the host.
    var host = document.createElement("vnrag-widget");
    host.id = "vnrag-widget";
    var shadow = host.attachShadow({ mode: "open" });
    var style = document.createElement("style");
    style.textContent = CSS;
    shadow.appendChild(style);

    ui.host = host;
    ui.shadow = shadow;
    ui.root = el("div", { class: "root" });
    shadow.appendChild(ui.root);

    var chat = icon("chat", 28);
    chat.setAttribute("class", "ic-chat");
    var x = icon("close", 26);
    x.setAttribute("class", "ic-close");
    ui.launcher = el(
      "button",
      {
        type: "button",
        class: "launcher",
        id: "vnrag-launcher",
        testid: "launcher",
        "aria-expanded": "false",
        "aria-controls": "vnrag-panel",
        "aria-haspopup": "dialog",
        onclick: function () {
          toggle();
        },
      },
      [chat, x]
    );

    // header
    ui.title = el("h2", { class: "title", id: "vnrag-title" });
    ui.subtitle = el("p", { class: "subtitle" });
    ui.langVi = el("span", { text: "VI", "aria-hidden": "true" });
    ui.langEn = el("span", { text: "EN", "aria-hidden": "true" });
    ui.langBtn = el("button", { type: "button", class: "lang", testid: "lang-toggle", onclick: function () {
      setLang(lang === "vi" ? "en" : "vi");
    } }, [ui.langVi, ui.langEn]);
    ui.newBtn = el("button", { type: "button", class: "icon-btn", testid: "new-chat", onclick: newConversation }, icon("plus", 18));
    ui.clearBtn = el("button", { type: "button", class: "icon-btn", testid: "clear", onclick: onClear }, icon("trash", 18));
    ui.closeBtn = el("button", { type: "button", class: "icon-btn", testid: "close", onclick: function () {
      close();
    } }, icon("close", 20));
    var header = el("div", { class: "header" }, [
      el("div", { class: "avatar", "aria-hidden": "true" }, icon("chat", 20)),
      el("div", { class: "titles" }, [ui.title, ui.subtitle]),
      ui.langBtn,
      ui.newBtn,
      ui.clearBtn,
      ui.closeBtn,
    ]);

    // messages + article view
    ui.messages = el("div", { class: "messages", id: "vnrag-messages", testid: "messages", role: "log", "aria-live": "polite", "aria-relevant": "additions text" });
    ui.article = el("section", { class: "article-view", testid: "article-view", hidden: true });
    var body = el("div", { class: "body" }, [ui.messages, ui.article]);

    // composer
    ui.input = el("textarea", { id: "vnrag-input", testid: "input", rows: "1", maxlength: String(MAX_QUESTION), autocomplete: "off", enterkeyhint: "send" });
    ui.input.addEventListener("keydown", function (e) {
      if (e.key === "Enter" && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
        e.preventDefault();
        submit();
      }
    });
    ui.input.addEventListener("input", function () {
      autosize();
      updateComposer();
    });
    ui.send = el("button", { type: "submit", class: "send", testid: "send" }, icon("send", 20));
    ui.hint = el("p", { class: "hint" });
    ui.form = el("form", { class: "composer", novalidate: true }, [el("div", { class: "row" }, [ui.input, ui.send]), ui.hint]);
    ui.form.addEventListener("submit", function (e) {
      e.preventDefault();
      submit();
    });

    ui.panel = el("div", { class: "panel", id: "vnrag-panel", testid: "panel", role: "dialog", "aria-modal": "false", hidden: true }, [header, body, ui.form]);

    ui.root.appendChild(ui.panel);
    ui.root.appendChild(ui.launcher);

    ui.root.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && isOpen) {
        e.stopPropagation();
        close();
      }
    });

    applyLabels();
    renderAll();
    (document.body || document.documentElement).appendChild(host);
  }

  function applyLabels() {
    ui.root.setAttribute("lang", lang);
    ui.launcher.setAttribute("aria-label", t("launcher"));
    ui.panel.setAttribute("aria-label", t("panel"));
    ui.messages.setAttribute("aria-label", t("messages"));
    ui.title.textContent = t("title");
    ui.subtitle.textContent = t("subtitle");
    ui.langBtn.setAttribute("aria-label", t("langToggle"));
    ui.langBtn.setAttribute("title", t("langToggle"));
    ui.langVi.className = lang === "vi" ? "on" : "";
    ui.langEn.className = lang === "en" ? "on" : "";
    ui.newBtn.setAttribute("aria-label", t("newChat"));
    ui.newBtn.setAttribute("title", t("newChat"));
    ui.clearBtn.setAttribute("aria-label", t("clear"));
    ui.clearBtn.setAttribute("title", t("clear"));
    ui.closeBtn.setAttribute("aria-label", t("close"));
    ui.closeBtn.setAttribute("title", t("close"));
    ui.input.setAttribute("placeholder", t("placeholder"));
    ui.input.setAttribute("aria-label", t("inputLabel"));
    ui.send.setAttribute("aria-label", t("send"));
    ui.send.setAttribute("title", t("send"));
    ui.hint.textContent = t("hint");
    updateComposer();
  }

  function autosize() {
    ui.input.style.height = "auto";
    ui.input.style.height = Math.min(ui.input.scrollHeight + 2, 132) + "px";
  }

  function updateComposer() {
    if (!ui.send) return;
    ui.send.disabled = busy || !ui.input.value.trim();
    ui.send.setAttribute("aria-busy", busy ? "true" : "false");
    ui.clearBtn.disabled = busy;
    if (ui.newBtn) ui.newBtn.disabled = busy || !turns.length || turns[turns.length - 1].conv !== conv;
  }

  // ---------------------------------------------------------------- rendering
  function renderAll() {
    clearNode(ui.messages);
    if (!turns.length) ui.messages.appendChild(renderWelcome());
    turns.forEach(function (tn, i) {
      tn.el = null;
      if (i && turns[i - 1].conv !== tn.conv) ui.messages.appendChild(renderDivider());
      ui.messages.appendChild(renderTurn(tn));
    });
    if (turns.length && turns[turns.length - 1].conv !== conv) ui.messages.appendChild(renderDivider());
  }

  function renderDivider() {
    return el("div", { class: "divider", testid: "new-chat-divider", role: "separator", title: t("newChatHint") }, [el("span", { text: t("newChat") })]);
  }

  // Starts a new conversation: the next question is not read as a follow-up of the earlier ones.
  function newConversation() {
    if (busy || !turns.length || turns[turns.length - 1].conv !== conv) return;
    conv += 1;
    save();
    renderAll();
    updateComposer();
    scrollToBottom(true);
    ui.input.focus();
  }

  function renderWelcome() {
    var box = el("div", { class: "welcome", testid: "welcome" }, el("p", { text: t("welcome") }));
    box.appendChild(el("p", { class: "sugg-label", text: t("suggestionsLabel") }));
    t("suggestions").forEach(function (q) {
      box.appendChild(
        el("button", { type: "button", class: "sugg", onclick: function () {
          ask(q);
        } }, q)
      );
    });
    return box;
  }

  // A turn renders as a fragment-like wrapper: user message + bot message.
  function renderTurn(tn) {
    var wrap = el("div", { class: "turn", "data-turn": tn.id });
    wrap.appendChild(
      el("div", { class: "msg user", testid: "message-user" }, [
        el("span", { class: "sr-only", text: t("you") + ": " }),
        el("div", { class: "bubble", text: tn.question }),
      ])
    );
    wrap.appendChild(renderBot(tn));
    if (tn.el && tn.el.parentNode) tn.el.parentNode.replaceChild(wrap, tn.el);
    tn.el = wrap;
    return wrap;
  }

  function updateBot(tn) {
    if (!tn.el) return;
    var old = tn.el.querySelector(".msg.bot");
    var fresh = renderBot(tn);
    if (old) tn.el.replaceChild(fresh, old);
    else tn.el.appendChild(fresh);
  }

  function renderBot(tn) {
    var msg = el("div", { class: "msg bot", testid: "message-bot" });
    msg.appendChild(el("span", { class: "sr-only", text: t("bot") + ": " }));
    if (tn.status === "pending") {
      var bubble = el("div", { class: "bubble pending", "aria-busy": "true" });
      tn.textNode = document.createTextNode(tn.streamText);
      if (tn.streamText) {
        bubble.appendChild(tn.textNode);
        bubble.appendChild(el("span", { class: "caret", "aria-hidden": "true" }));
      } else {
        bubble.appendChild(el("span", { class: "typing", "aria-hidden": "true" }, [el("i"), el("i"), el("i")]));
        bubble.appendChild(el("span", { class: "sr-only", text: t("thinking") }));
      }
      if (tn.slow) bubble.appendChild(el("div", { class: "slow", testid: "slow", role: "status", text: t("slow") }));
      msg.appendChild(bubble);
    } else if (tn.status === "error") {
      msg.appendChild(renderError(tn));
    } else {
      renderAnswer(tn, msg);
    }
    return msg;
  }

  function errorMessage(err) {
    if (!err) return t("errServer");
    switch (err.kind) {
      case "network":
        return t("errNetwork");
      case "timeout":
        return t("errTimeout", Math.round(TIMEOUT_MS / 1000));
      case "busy":
        return t("errBusy");
      case "server":
        return t("errServer");
      case "bad":
        return t("errBad");
      case "interrupted":
        return t("errInterrupted");
      case "toolong":
        return t("errTooLong", MAX_QUESTION);
      case "detail":
        return err.detail ? err.detail : err.status ? t("errHttp", err.status) : t("errServer");
      default:
        return t("errServer");
    }
  }

  function renderError(tn) {
    var box = el("div", { class: "bubble error", testid: "error" });
    box.appendChild(el("div", { class: "err-row" }, [icon("alert", 17), el("span", { text: errorMessage(tn.error) })]));
    if (!tn.error || tn.error.kind !== "toolong") {
      box.appendChild(
        el("button", { type: "button", class: "retry", testid: "retry", disabled: busy ? true : null, onclick: function () {
          if (!busy) runTurn(tn);
        } }, [icon("retry", 14), t("retry")])
      );
    }
    return box;
  }

  function citeLabel(c) {
    return t("citation", c.n) + (c.title ? ": " + c.title : "");
  }

  function findCite(tn, n) {
    var cs = tn.answer ? tn.answer.citations : [];
    for (var i = 0; i < cs.length; i++) if (cs[i].n === n) return cs[i];
    return null;
  }

  function renderAnswer(tn, msg) {
    var a = tn.answer;
    var bubble = el("div", { class: "bubble answer" + (a.abstained ? " abstained" : "") });
    if (a.language) bubble.setAttribute("lang", a.language);
    if (a.abstained) {
      // part of the bubble: in the answer's language, like the answer itself
      var label = STRINGS[a.language === "en" ? "en" : a.language ? "vi" : lang].abstained;
      bubble.appendChild(el("div", { class: "abstain-label", testid: "abstained" }, [icon("info", 15), label]));
    }
    var textBox = el("div", { class: "answer-text" });
    // Split on [n] / [n, m] markers; everything else becomes plain text nodes.
    var re = /\[(\d{1,3}(?:\s*[,;]\s*\d{1,3})*)\]/g;
    var text = a.answer;
    var last = 0;
    var m;
    while ((m = re.exec(text))) {
      var nums = m[1].split(/\s*[,;]\s*/).map(function (s) {
        return parseInt(s, 10);
      });
      var cites = nums.map(function (n) {
        return findCite(tn, n);
      });
      if (cites.some(function (c) {
        return !c;
      })) continue; // unknown marker: leave as literal text
      if (m.index > last) textBox.appendChild(document.createTextNode(text.slice(last, m.index)));
      cites.forEach(function (c) {
        textBox.appendChild(citeButton(tn, c));
      });
      last = m.index + m[0].length;
    }
    if (last < text.length) textBox.appendChild(document.createTextNode(text.slice(last)));
    bubble.appendChild(textBox);
    msg.appendChild(bubble);

    var detailId = "vnrag-cd-" + tn.id;
    var detail = el("div", { class: "cite-detail", id: detailId, testid: "cite-detail", hidden: true });
    msg.appendChild(detail);

    if (a.citations.length) {
      var list = el("ol");
      a.citations
        .slice()
        .sort(function (x, y) {
          return x.n - y.n;
        })
        .forEach(function (c) {
          var btn = el(
            "button",
            { type: "button", class: "src", testid: "source", "data-n": String(c.n), "aria-expanded": "false", "aria-controls": detailId, "aria-label": citeLabel(c), onclick: function () {
              toggleCite(tn, c.n, this);
            } },
            [el("span", { class: "src-n", text: String(c.n), "aria-hidden": "true" }), el("span", { class: "src-t", text: c.title || t("untitled"), "aria-hidden": "true" }), c.published ? el("span", { class: "src-d", text: fmtDate(c.published), "aria-hidden": "true" }) : null]
          );
          list.appendChild(el("li", null, btn));
        });
      msg.appendChild(el("div", { class: "sources", testid: "sources" }, [el("p", { class: "sources-h", text: a.abstained ? t("nearest") : t("sources") }), list]));
    }

    tn.detailEl = detail;
    tn.msgEl = msg;
    if (tn.openCite !== null) {
      var c0 = findCite(tn, tn.openCite);
      if (c0) fillDetail(tn, c0);
      else tn.openCite = null;
    }
    syncExpanded(tn);
  }

  function citeButton(tn, c) {
    return el("button", {
      type: "button",
      class: "cite",
      testid: "cite-marker",
      "data-n": String(c.n),
      "aria-expanded": "false",
      "aria-controls": "vnrag-cd-" + tn.id,
      "aria-label": citeLabel(c),
      title: c.title || t("citation", c.n),
      text: String(c.n),
      onclick: function () {
        toggleCite(tn, c.n, this);
      },
    });
  }

  function syncExpanded(tn) {
    if (!tn.msgEl) return;
    var btns = tn.msgEl.querySelectorAll(".cite, .src");
    for (var i = 0; i < btns.length; i++) {
      btns[i].setAttribute("aria-expanded", String(tn.openCite !== null && String(tn.openCite) === btns[i].getAttribute("data-n")));
    }
  }

  function toggleCite(tn, n, trigger) {
    if (tn.openCite === n) {
      tn.openCite = null;
      tn.detailEl.hidden = true;
      clearNode(tn.detailEl);
    } else {
      tn.openCite = n;
      fillDetail(tn, findCite(tn, n));
    }
    syncExpanded(tn);
    if (trigger) trigger.focus({ preventScroll: true });
    if (!tn.detailEl.hidden) reveal(tn.detailEl);
  }

  function fillDetail(tn, c) {
    var d = tn.detailEl;
    clearNode(d);
    d.hidden = false;
    d.appendChild(el("div", { class: "cd-head" }, [el("span", { class: "cd-n", text: "[" + c.n + "]" }), el("span", { class: "cd-title", text: c.title || t("untitled") })]));
    // every sentence the answer cites from this article, once (one source entry per article)
    c.quotes.forEach(function (q) {
      d.appendChild(el("blockquote", { class: "quote", testid: "cite-quote", text: q }));
    });
    d.appendChild(el("div", { class: "cd-meta", text: t("published") + ": " + (c.published ? fmtDate(c.published) : t("noDate")) }));
    var actions = el("div", { class: "actions" });
    if (c.doc_id) {
      actions.appendChild(
        el("button", { type: "button", class: "btn primary", testid: "open-article", onclick: function () {
          openArticle(c, this);
        } }, [icon("doc", 15), t("openArticle")])
      );
    }
    var href = safeUrl(c.url);
    if (href) actions.appendChild(sourceLink(href));
    if (actions.firstChild) d.appendChild(actions);
  }

  function sourceLink(href) {
    return el("a", { class: "btn ghost", testid: "source-link", href: href, target: "_blank", rel: "noopener noreferrer" }, [
      t("original"),
      icon("external", 14),
      el("span", { class: "sr-only", text: " " + t("newTab") }),
    ]);
  }

  // ---------------------------------------------------------------- article view
  function openArticle(c, trigger) {
    articleState = { docId: c.doc_id, quote: c.quote, title: c.title, url: c.url, published: c.published, trigger: trigger };
    ui.article.hidden = false;
    ui.messages.setAttribute("aria-hidden", "true");
    renderArticle();
    if (ui.backBtn) ui.backBtn.focus();
    if (!docCache[c.doc_id]) {
      var id = c.doc_id;
      fetchDocument(id).then(
        function (doc) {
          docCache[id] = { doc: doc };
          if (articleState && articleState.docId === id) renderArticle(true);
        },
        function (e) {
          var msg = e && e.name === "HttpError" && e.status >= 400 && e.status < 500 && e.detail ? e.detail : e && e.name === "TypeError" ? t("errNetwork") : t("articleError");
          if (articleState && articleState.docId === id) {
            articleState.error = msg;
            renderArticle();
          }
        }
      );
    }
  }

  function closeArticle() {
    var trig = articleState && articleState.trigger;
    articleState = null;
    ui.article.hidden = true;
    clearNode(ui.article);
    ui.backBtn = null;
    ui.messages.removeAttribute("aria-hidden");
    if (trig && trig.isConnected) trig.focus();
    else ui.input.focus();
  }

  function articleMeta(doc, st) {
    var parts = [];
    var pub = doc.published || st.published;
    parts.push(t("published") + ": " + (pub ? fmtDate(pub) + (doc.published_inferred ? " " + t("inferred") : "") : t("noDate")));
    if (doc.author) parts.push(t("author") + ": " + str(doc.author));
    return parts.join(" · ");
  }

  function renderArticle(scrollToMark) {
    var st = articleState;
    if (!st) return;
    var hadFocus = !!ui.backBtn && ui.shadow.activeElement === ui.backBtn;
    clearNode(ui.article);
    ui.backBtn = el("button", { type: "button", class: "back", testid: "article-back", "aria-label": t("back"), onclick: closeArticle }, [icon("back", 18), t("backShort")]);
    ui.article.setAttribute("aria-label", st.title || t("openArticle"));
    var barTitle = (docCache[st.docId] && str(docCache[st.docId].doc.title)) || st.title || "";
    // The date and author stay in view in the bar: the text below opens scrolled to the quote, which on a
    // phone puts the article's own date/author line out of sight above it.
    var barText = el("div", { class: "bar-text", "aria-hidden": "true" }, [el("span", { class: "bar-title", text: barTitle })]);
    if (docCache[st.docId]) barText.appendChild(el("span", { class: "bar-meta", testid: "article-bar-meta", text: articleMeta(docCache[st.docId].doc, st) }));
    ui.article.appendChild(el("div", { class: "article-bar" }, [ui.backBtn, barText]));
    var scroll = el("div", { class: "article-scroll" });
    ui.article.appendChild(scroll);
    if (hadFocus) ui.backBtn.focus();

    var cached = docCache[st.docId];
    if (!cached) {
      scroll.appendChild(el("h3", { class: "article-title", text: st.title || t("untitled") }));
      if (st.error) {
        scroll.appendChild(el("div", { class: "bubble error", testid: "error", role: "alert" }, el("div", { class: "err-row" }, [icon("alert", 17), el("span", { text: st.error })])));
        scroll.appendChild(
          el("button", { type: "button", class: "retry", testid: "retry", onclick: function () {
            var s = articleState;
            closeArticle();
            openArticle({ doc_id: s.docId, quote: s.quote, title: s.title, url: s.url, published: s.published }, s.trigger);
          } }, [icon("retry", 14), t("retry")])
        );
      } else {
        scroll.appendChild(el("div", { class: "loading", role: "status" }, [el("span", { class: "typing", "aria-hidden": "true" }, [el("i"), el("i"), el("i")]), t("loadingArticle")]));
      }
      return;
    }

    var doc = cached.doc;
    var title = str(doc.title) || st.title || t("untitled");
    var h = el("h3", { class: "article-title", tabindex: "-1", text: title });
    scroll.appendChild(h);
    scroll.appendChild(el("div", { class: "article-meta", text: articleMeta(doc, st) }));
    var href = safeUrl(doc.url) || safeUrl(st.url);
    if (href) scroll.appendChild(el("div", { class: "actions", style: "margin:0 0 14px" }, sourceLink(href)));

    var textBox = el("div", { class: "article-text", testid: "article-text" });
    var found = renderHighlighted(textBox, str(doc.text), str(st.quote));
    if (st.quote && !found) scroll.appendChild(el("p", { class: "note", text: t("quoteNotFound") }));
    scroll.appendChild(textBox);

    if (scrollToMark) {
      var mark = textBox.querySelector("mark");
      if (mark) {
        requestAnimationFrame(function () {
          scroll.scrollTop = Math.max(0, mark.offsetTop - scroll.offsetTop - 80);
        });
      }
    }
  }

  function escapeRe(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  // Finds the quote in the text (exact, then tolerant of white space differences) and renders
  // paragraphs as <p> with text nodes; the matched range is wrapped in <mark> elements.
  function renderHighlighted(container, text, quote) {
    text = text.normalize ? text.normalize("NFC") : text;
    quote = (quote.normalize ? quote.normalize("NFC") : quote).trim();
    var start = -1;
    var end = -1;
    if (quote) {
      start = text.indexOf(quote);
      if (start >= 0) end = start + quote.length;
      else {
        var words = quote.split(/\s+/).filter(Boolean).map(escapeRe);
        if (words.length) {
          try {
            var m = new RegExp(words.join("\\s+"), "u").exec(text);
            if (!m) m = new RegExp(words.join("\\s+"), "iu").exec(text);
            if (m) {
              start = m.index;
              end = m.index + m[0].length;
            }
          } catch (e) {
            /* pattern too large: no highlight */
          }
        }
      }
    }
    var re = /\n[ \t]*\n\s*/g;
    var pos = 0;
    var m2;
    var paras = [];
    while ((m2 = re.exec(text))) {
      paras.push([pos, m2.index]);
      pos = m2.index + m2[0].length;
    }
    paras.push([pos, text.length]);
    var firstMark = true;
    paras.forEach(function (r) {
      var s = r[0];
      var e = r[1];
      if (!text.slice(s, e).trim()) return;
      var p = el("p");
      if (start >= 0 && start < e && end > s) {
        var a = Math.max(s, start);
        var b = Math.min(e, end);
        if (a > s) p.appendChild(document.createTextNode(text.slice(s, a)));
        var mk = el("mark", { testid: firstMark ? "article-mark" : null }, document.createTextNode(text.slice(a, b)));
        firstMark = false;
        p.appendChild(mk);
        if (b < e) p.appendChild(document.createTextNode(text.slice(b, e)));
      } else {
        p.appendChild(document.createTextNode(text.slice(s, e)));
      }
      container.appendChild(p);
    });
    return start >= 0;
  }

  // ---------------------------------------------------------------- behaviour
  // Scrolls the message list (and only it) so that node is visible. scrollIntoView is avoided:
  // it may also scroll the host page and the panel itself.
  function reveal(node) {
    var m = ui.messages;
    var mr = m.getBoundingClientRect();
    var r = node.getBoundingClientRect();
    var pad = 12;
    if (r.bottom > mr.bottom - pad) m.scrollTop += Math.min(r.bottom - mr.bottom + pad, r.top - mr.top - pad);
    else if (r.top < mr.top + pad) m.scrollTop -= mr.top - r.top + pad;
  }

  function nearBottom() {
    var m = ui.messages;
    return m.scrollHeight - m.scrollTop - m.clientHeight < 80;
  }
  function scrollToBottom(force) {
    if (!force && !nearBottom()) return;
    var m = ui.messages;
    requestAnimationFrame(function () {
      m.scrollTop = m.scrollHeight;
    });
  }

  function classify(e, timedOut) {
    if (timedOut) return { kind: "timeout" };
    if (!e) return { kind: "server" };
    if (e.name === "HttpError") {
      if (e.status === 429) return { kind: "busy" };
      if (e.status >= 500) return { kind: "server" };
      return { kind: "detail", status: e.status, detail: e.detail };
    }
    if (e.name === "StreamError") return e.detail ? { kind: "detail", detail: e.detail } : { kind: "server" };
    if (e.name === "BadResponse" || e.name === "SyntaxError") return { kind: "bad" };
    if (e.name === "AbortError") return { kind: "network" };
    return { kind: "network" }; // TypeError: failed to fetch / connection reset
  }

  function runTurn(tn) {
    busy = true;
    tn.status = "pending";
    tn.streamText = "";
    tn.slow = false;
    tn.error = null;
    tn.answer = null;
    tn.openCite = null;
    if (!tn.el) {
      var welcome = ui.messages.querySelector(".welcome");
      if (welcome) welcome.parentNode.removeChild(welcome);
      ui.messages.appendChild(renderTurn(tn));
    } else updateBot(tn);
    updateComposer();
    scrollToBottom(true);

    var ctrl = typeof AbortController === "function" ? new AbortController() : null;
    var timedOut = false;
    var gotByte = false;
    var idleTimer = null;
    var rejectGuard = null;
    // a timeout must win even if some fetch implementation ignores the abort signal
    var guard = new Promise(function (_, reject) {
      rejectGuard = reject;
    });
    var slowTimer = setTimeout(function () {
      if (!gotByte && tn.status === "pending") {
        tn.slow = true;
        updateBot(tn);
        scrollToBottom(false);
      }
    }, SLOW_MS);
    function armIdle() {
      clearTimeout(idleTimer);
      idleTimer = setTimeout(function () {
        timedOut = true;
        if (ctrl) ctrl.abort();
        rejectGuard(new Error("timeout"));
      }, TIMEOUT_MS);
    }
    armIdle();
    function onByte() {
      if (!gotByte) {
        gotByte = true;
        clearTimeout(slowTimer);
        if (tn.slow) {
          tn.slow = false;
          updateBot(tn);
        }
      }
      armIdle();
    }
    function onDelta(piece) {
      if (tn.status !== "pending" || timedOut) return;
      var first = !tn.streamText;
      var stick = nearBottom();
      tn.streamText += piece;
      if (first) updateBot(tn);
      else if (tn.textNode) tn.textNode.data = tn.streamText;
      if (stick) scrollToBottom(true);
    }

    var request;
    try {
      request = requestAnswer(tn.question, historyOf(tn), ctrl ? ctrl.signal : undefined, onByte, onDelta);
    } catch (e) {
      request = Promise.reject(e);
    }
    var done = Promise.race([request, guard]).then(
      function (answer) {
        tn.status = "done";
        tn.answer = answer;
        return true;
      },
      function (e) {
        tn.status = "error";
        tn.error = classify(e, timedOut);
        return false;
      }
    );
    return done.then(function (ok) {
      clearTimeout(slowTimer);
      clearTimeout(idleTimer);
      busy = false;
      var stick = nearBottom();
      updateBot(tn);
      updateComposer();
      var retry = tn.el && tn.el.querySelector(".retry");
      if (retry) retry.disabled = false;
      save();
      if (stick || !ok) scrollToBottom(true);
      return ok;
    });
  }

  function ask(question) {
    var q = str(question).trim();
    if (!q) return Promise.resolve(false);
    if (!ui.panel) {
      // called before the page body exists: run once the widget is built
      return ready.then(function () {
        return ask(q);
      });
    }
    if (!isOpen) open();
    if (busy) return Promise.resolve(false);
    if (articleState) closeArticle();
    var tn = newTurn(q);
    turns.push(tn);
    if (q.length > MAX_QUESTION) {
      tn.status = "error";
      tn.error = { kind: "toolong" };
      save();
      var welcome = ui.messages.querySelector(".welcome");
      if (welcome) welcome.parentNode.removeChild(welcome);
      ui.messages.appendChild(renderTurn(tn));
      scrollToBottom(true);
      return Promise.resolve(false);
    }
    return runTurn(tn);
  }

  function submit() {
    if (busy) return;
    var q = ui.input.value.trim();
    if (!q) return;
    ui.input.value = "";
    autosize();
    updateComposer();
    ask(q);
    ui.input.focus();
  }

  function open() {
    if (!ui.panel) {
      ready.then(open);
      return;
    }
    isOpen = true;
    ui.panel.hidden = false;
    ui.root.classList.add("open");
    ui.launcher.setAttribute("aria-expanded", "true");
    ui.messages.scrollTop = ui.messages.scrollHeight;
    // focus the input once the panel is laid out
    requestAnimationFrame(function () {
      if (isOpen) ui.input.focus();
    });
    ui.input.focus();
  }

  function close() {
    if (!ui.panel) return;
    isOpen = false;
    ui.panel.hidden = true;
    ui.root.classList.remove("open");
    ui.launcher.setAttribute("aria-expanded", "false");
    ui.launcher.focus();
  }

  function toggle() {
    if (isOpen) close();
    else open();
  }

  function setLang(l) {
    l = String(l || "").toLowerCase().indexOf("en") === 0 ? "en" : "vi";
    if (l === lang) return;
    lang = l;
    storageSet(LANG_KEY, lang);
    var hadFocusOnToggle = ui.shadow.activeElement === ui.langBtn;
    applyLabels();
    var keep = ui.messages.scrollTop;
    renderAll();
    ui.messages.scrollTop = keep;
    if (articleState) renderArticle();
    if (hadFocusOnToggle) ui.langBtn.focus();
  }

  function onClear() {
    if (busy || !turns.length) return;
    if (!window.confirm(t("clearConfirm"))) return;
    clear();
  }

  function clear() {
    if (busy) return;
    turns = [];
    conv += 1;
    if (articleState) closeArticle();
    save();
    renderAll();
    ui.input.focus();
  }

  restore();

  window.VnRagWidget = {
    __loaded: true,
    open: function () {
      open();
    },
    close: function () {
      close();
    },
    toggle: function () {
      toggle();
    },
    ask: function (q) {
      return ask(q);
    },
    setLang: function (l) {
      setLang(l);
    },
    newConversation: function () {
      newConversation();
    },
    clear: function () {
      clear();
    },
    get isOpen() {
      return isOpen;
    },
    get busy() {
      return busy;
    },
  };

  var ready = new Promise(function (resolve) {
    function go() {
      build();
      resolve();
    }
    if (document.body) go();
    else document.addEventListener("DOMContentLoaded", go);
  });
})();
