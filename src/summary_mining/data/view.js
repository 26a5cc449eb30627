/* summary_mining view: a floating tooltip, the figures of a finding outlined together on hover,
   click-to-locate and the legend's kind toggles.
   Event delegation on the view's root only: nothing runs per figure when the page loads. */
(function () {
  "use strict";
  var me = document.currentScript;
  var root = me && me.parentNode && me.parentNode.closest ? me.parentNode.closest(".sm-view") : null;
  if (!root) {
    var all = document.querySelectorAll(".sm-view:not(.sm-js)");
    root = all.length ? all[all.length - 1] : null;
  }
  if (!root || root.classList.contains("sm-js")) return;
  root.classList.add("sm-js");
  var tip = root.querySelector(".sm-tip");
  var shown = null;

  var related = [];

  function unrelate() {
    for (var i = 0; i < related.length; i++) related[i].classList.remove("sm-related", "sm-related-here");
    related = [];
  }

  // hovering a figure of an audit finding (a total, a share, a rate …) outlines every figure of that
  // finding: the total and its parts, the share and its whole
  function relate(t) {
    unrelate();
    var ids = (t.getAttribute("data-findings") || "").split(" ").filter(Boolean);
    if (!ids.length) return;
    var figs = root.querySelectorAll(".sm-fig[data-findings]");
    for (var i = 0; i < figs.length; i++) {
      var own = figs[i].getAttribute("data-findings").split(" ");
      for (var j = 0; j < ids.length; j++) {
        if (own.indexOf(ids[j]) >= 0) { figs[i].classList.add("sm-related"); related.push(figs[i]); break; }
      }
    }
    t.classList.add("sm-related-here");
    if (related.indexOf(t) < 0) related.push(t);
  }

  function hide() {
    if (tip) tip.style.display = "none";
    shown = null;
    unrelate();
  }

  function place(el) {
    var r = el.getBoundingClientRect();
    tip.style.left = "0px";
    tip.style.top = "0px";
    tip.style.display = "block";
    var w = tip.offsetWidth, h = tip.offsetHeight;
    var vw = window.innerWidth || document.documentElement.clientWidth;
    var vh = window.innerHeight || document.documentElement.clientHeight;
    var x = Math.max(6, Math.min(r.left, vw - w - 6));
    var y = r.bottom + 6;
    if (y + h > vh - 6) y = Math.max(6, r.top - h - 6);
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }

  root.addEventListener("mouseover", function (ev) {
    var t = ev.target && ev.target.closest ? ev.target.closest("[data-tip]") : null;
    if (!t || !root.contains(t) || !tip) { hide(); return; }
    if (t === shown) return;
    shown = t;
    tip.textContent = t.getAttribute("data-tip");
    var audit = t.getAttribute("data-audit");
    tip.className = "sm-tip" + (audit ? " sm-tip-" + audit : "");
    place(t);
    if (t.classList.contains("sm-fig")) relate(t); else unrelate();
  });
  root.addEventListener("mouseleave", hide);
  var scrollers = root.querySelectorAll(".sm-doc, .sm-side, .sm-toc");
  for (var i = 0; i < scrollers.length; i++) scrollers[i].addEventListener("scroll", hide, { passive: true });

  function flash(el) {
    el.classList.remove("sm-flash");
    void el.offsetWidth;
    el.classList.add("sm-flash");
  }

  function go(id) {
    var el = document.getElementById(id);
    if (!el || !root.contains(el)) return false;
    for (var d = el.closest("details"); d; d = d.parentElement ? d.parentElement.closest("details") : null) d.open = true;
    el.scrollIntoView({ block: "center", inline: "nearest" });
    flash(el);
    return true;
  }

  root.addEventListener("click", function (ev) {
    var a = ev.target.closest ? ev.target.closest("a[href^='#']") : null;
    if (a && root.contains(a)) {
      if (go(decodeURIComponent(a.getAttribute("href").slice(1)))) ev.preventDefault();
      return;
    }
    var f = ev.target.closest ? ev.target.closest(".sm-fig") : null;
    if (f && root.contains(f)) go(root.id + "-r" + f.getAttribute("data-start"));
  });

  root.addEventListener("change", function (ev) {
    var kind = ev.target.getAttribute ? ev.target.getAttribute("data-toggle") : null;
    if (kind) root.classList.toggle("sm-hide-" + kind, !ev.target.checked);
  });
})();
