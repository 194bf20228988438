import TablemendModel

/// A self-contained HTML page to review one conversion (`tablemend view`): the source lines
/// with their numbers beside every table as rebuilt (row and column spans kept, guessed cells
/// marked), then each form (fields, funds, goals, the indicator tree per period with the raw
/// and the typed value side by side, values left untyped flagged) and the diagnostics, each
/// linked to its cell and source line. No script, no network, no external asset; a CJK font
/// stack; prints cleanly.
///
/// The grids come first in the page, in the document's order, so that reading the page back
/// with an HTML table reader gives the same grids.
public enum ReviewPage {
  /// The page for `document`; `source` is the decoded text of a text export (its lines are
  /// shown and linked), nil for DOCX, HTML and other containers.
  public static func render(_ document: Document, source: String? = nil) -> String {
    var out = head(title: "tablemend review: \(document.source.path)")
    out += "<header><h1>\(escape(document.source.path))</h1>\n<p class=\"meta\">"
    out += "dialect <b>\(escape(document.source.dialect))</b> · encoding "
    out += "\(escape(document.source.encoding)) · \(document.tables.count) tables · "
    out += "\(document.forms.count) forms · "
    out += "\(document.forms.reduce(0) { $0 + $1.indicators.count }) indicators · "
    out += "\(document.diagnostics.filter { $0.severity != .info }.count) warnings · sha256 "
    out += "<code>\(escape(String(document.source.sha256.prefix(16))))…</code></p></header>\n"
    out += "<main>\n"
    let cellIDs = cellAnchors(document)
    out += "<section class=\"rebuilt\">\n"
    if let source {
      out += "<div class=\"side\">\n<h2>Source</h2>\n" + sourceLines(source) + "</div>\n"
    }
    out += "<div class=\"grids\">\n<h2>Tables as rebuilt</h2>\n"
    if document.tables.isEmpty { out += "<p class=\"none\">No table was rebuilt.</p>\n" }
    for table in document.tables {
      out += grid(table, linkLines: source != nil)
    }
    out += "</div>\n</section>\n"
    out += "<section class=\"forms\">\n<h2>Forms</h2>\n"
    if document.forms.isEmpty { out += "<p class=\"none\">No form was recognised.</p>\n" }
    for (n, form) in document.forms.enumerated() {
      out += formSummary(form, number: n + 1, linkLines: source != nil)
    }
    out += "</section>\n"
    out += diagnostics(document.diagnostics, cellIDs: cellIDs, linkLines: source != nil)
    out += "</main>\n</body>\n</html>\n"
    return out
  }

  /// An index page over several reviews: each input, its page, its counts and its problem.
  public static func index(_ entries: [IndexEntry]) -> String {
    var out = head(title: "tablemend review: \(entries.count) files")
    out += "<header><h1>\(entries.count) files</h1></header>\n<main>\n<table class=\"index\">\n"
    out += "<tr><th>file</th><th>dialect</th><th>forms</th><th>indicators</th>"
    out += "<th>warnings</th><th>problem</th></tr>\n"
    for entry in entries {
      out += "<tr><td>"
      if let page = entry.page {
        out += "<a href=\"\(escapeAttribute(page))\">\(escape(entry.path))</a>"
      } else {
        out += escape(entry.path)
      }
      out += "</td><td>\(escape(entry.dialect))</td><td>\(entry.forms)</td>"
      out += "<td>\(entry.indicators)</td><td>\(entry.warnings)</td>"
      out +=
        "<td class=\"\(entry.error == nil ? "" : "error")\">\(escape(entry.error ?? ""))</td></tr>\n"
    }
    out += "</table>\n</main>\n</body>\n</html>\n"
    return out
  }

  /// One row of the index page.
  public struct IndexEntry: Sendable, Hashable {
    public var path: String
    /// The review page's file name, relative to the index; nil when the input failed.
    public var page: String?
    public var dialect: String
    public var forms: Int
    public var indicators: Int
    public var warnings: Int
    /// Why the input could not be converted.
    public var error: String?

    public init(
      path: String, page: String?, dialect: String = "", forms: Int = 0, indicators: Int = 0,
      warnings: Int = 0, error: String? = nil
    ) {
      self.path = path
      self.page = page
      self.dialect = dialect
      self.forms = forms
      self.indicators = indicators
      self.warnings = warnings
      self.error = error
    }

    /// The entry of a converted document.
    public init(_ document: Document, page: String) {
      self.init(
        path: document.source.path, page: page, dialect: document.source.dialect,
        forms: document.forms.count,
        indicators: document.forms.reduce(0) { $0 + $1.indicators.count },
        warnings: document.diagnostics.filter { $0.severity != .info }.count)
    }
  }

  // MARK: Parts

  static func head(title: String) -> String {
    """
    <!DOCTYPE html>
    <html lang="zh-CN">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>\(escape(title))</title>
    <style>
    \(style)
    </style>
    </head>
    <body>

    """
  }

  static let style = """
    body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC",
      "Microsoft YaHei", "WenQuanYi Micro Hei", "Hiragino Sans GB", sans-serif;
      margin: 1.5em; color: #1b1b1b; font-size: 14px; line-height: 1.45; }
    h1 { font-size: 1.3em; margin: 0 0 .2em; word-break: break-all; }
    h2 { font-size: 1.1em; margin: 1.2em 0 .4em; }
    h3 { font-size: 1em; margin: 1em 0 .3em; }
    .meta { color: #555; margin: 0 0 1em; }
    .rebuilt { display: flex; gap: 1.5em; align-items: flex-start; }
    .side { flex: 0 0 38%; max-width: 38%; }
    .grids { flex: 1; min-width: 0; }
    pre.source { font-size: 12px; background: #f6f6f4; border: 1px solid #ddd; padding: .4em;
      overflow-x: auto; max-height: 80vh; white-space: pre-wrap; word-break: break-all; }
    pre.source span.line { display: block; }
    pre.source span.line:target { background: #fff3b0; }
    pre.source span.no { color: #999; user-select: none; display: inline-block; width: 3.5em; }
    table { border-collapse: collapse; margin: .3em 0 1em; }
    td, th { border: 1px solid #999; padding: .2em .4em; vertical-align: top; }
    th { background: #eee; text-align: left; }
    td.inferred { background: #fff3cd; outline: 2px dashed #d39e00; outline-offset: -2px; }
    td:target { box-shadow: inset 0 0 0 3px #0069d9; }
    caption { text-align: left; font-weight: bold; padding: .2em 0; }
    .untyped { background: #fde2e1; }
    .typed { color: #145a32; }
    .none { color: #777; font-style: italic; }
    .diag-warning { color: #8a5300; }
    .diag-error { color: #a00; }
    .diag-info { color: #555; }
    td.error { color: #a00; }
    @media print {
      body { margin: 0; font-size: 10pt; }
      .rebuilt { display: block; }
      .side { max-width: none; }
      pre.source { max-height: none; overflow: visible; }
      td.inferred { outline: none; background: none; text-decoration: underline dotted; }
      table { page-break-inside: auto; }
      tr { page-break-inside: avoid; }
    }
    """

  /// The source text, a numbered line each with an anchor `L<n>`.
  static func sourceLines(_ text: String) -> String {
    var out = "<pre class=\"source\">"
    var number = 0
    for line in text.lineSlices() {
      number += 1
      out += "<span class=\"line\" id=\"L\(number)\"><span class=\"no\">\(number)</span>"
      out += escape(String(line)) + "</span>"
    }
    return out + "</pre>\n"
  }

  /// One table as an HTML table with its spans; guessed cells carry the class `inferred` and
  /// say what was guessed.
  static func grid(_ table: Table, linkLines: Bool) -> String {
    var out = "<table id=\"\(escapeAttribute(table.id))\">\n"
    out += "<caption>\(escape(table.id)): \(table.rowCount) × \(table.columnCount)</caption>\n"
    var byRow: [Int: [Cell]] = [:]
    for cell in table.cells { byRow[cell.row, default: []].append(cell) }
    for row in 0..<table.rowCount {
      out += "<tr>"
      for cell in (byRow[row] ?? []).sorted(by: { $0.column < $1.column }) {
        out += "<td id=\"\(cellID(table, cell))\""
        if cell.rowSpan > 1 { out += " rowspan=\"\(cell.rowSpan)\"" }
        if cell.columnSpan > 1 { out += " colspan=\"\(cell.columnSpan)\"" }
        var title = "at \(cell.location)"
        if !cell.inferred.isEmpty {
          out += " class=\"inferred\""
          title += "; guessed: \(cell.inferred.joined(separator: ", "))"
        }
        out += " title=\"\(escapeAttribute(title))\">"
        out += cell.paragraphs.map(escape).joined(separator: "<br>")
        out += "</td>"
      }
      out += "</tr>\n"
    }
    return out + "</table>\n"
  }

  /// A form: title, fields, funds, goals, records and its indicators per period.
  static func formSummary(_ form: Form, number: Int, linkLines: Bool) -> String {
    var out = "<article class=\"form\">\n<h3>\(number). \(escape(form.title ?? "(untitled)"))"
    out += " <small>[\(escape(form.kind.rawValue))"
    if let year = form.year { out += ", \(year)" }
    out += "]</small></h3>\n"
    if !form.fields.isEmpty {
      out += "<table class=\"fields\"><tr><th>field</th><th>value</th></tr>\n"
      for key in form.fields.keys.sorted() {
        out += "<tr><td>\(escape(key))</td><td>\(escape(form.fields[key] ?? ""))</td></tr>\n"
      }
      out += "</table>\n"
    }
    if !form.funds.isEmpty {
      out += "<table class=\"funds\"><tr><th>fund</th><th>period</th><th>amount</th>"
      out += "<th>unit</th><th>category</th></tr>\n"
      for fund in form.funds {
        out += "<tr><td>\(escape(fund.label))</td><td>\(escape(fund.period))</td>"
        out += "<td>\(escape(TerminalView.format(fund.amount)))</td><td>\(escape(fund.unit))</td>"
        out += "<td>\(escape(fund.category ?? ""))</td></tr>\n"
      }
      out += "</table>\n"
    }
    for goal in form.goals where !goal.items.isEmpty {
      out += "<p><b>Goals (\(escape(goal.period)))</b></p>\n<ol>\n"
      for item in goal.items { out += "<li>\(escape(item))</li>\n" }
      out += "</ol>\n"
    }
    if !form.records.isEmpty {
      out += "<p><b>Records</b>: \(form.records.count)</p>\n<ul>\n"
      for record in form.records {
        let fields = record.fields.keys.sorted().map { "\($0): \(record.fields[$0] ?? "")" }
        out += "<li>\(escape(record.section)) — \(escape(fields.joined(separator: "; ")))</li>\n"
      }
      out += "</ul>\n"
    }
    guard !form.indicators.isEmpty else { return out + "</article>\n" }
    let periods = form.indicators.reduce(into: [String]()) {
      if !$0.contains($1.period) { $0.append($1.period) }
    }
    for period in periods {
      out += "<table class=\"indicators\"><caption>Indicators (\(escape(period)))</caption>\n"
      out += "<tr><th>一级</th><th>二级</th><th>三级</th><th>as written</th><th>typed</th>"
      out += "<th>evaluation</th><th>source</th></tr>\n"
      for indicator in form.indicators where indicator.period == period {
        let untyped = isUntyped(indicator.value)
        out += "<tr\(untyped ? " class=\"untyped\" title=\"the value could not be typed\"" : "")>"
        out += "<td>\(escape(indicator.level1))</td><td>\(escape(indicator.level2))</td>"
        out += "<td>\(escape(indicator.level3))</td><td>\(escape(indicator.value.raw))</td>"
        out += "<td class=\"typed\">\(escape(typed(indicator.value)))</td>"
        let evaluation = (indicator.evaluation ?? [:]).keys.sorted().map {
          "\($0): \(indicator.evaluation?[$0] ?? "")"
        }
        out += "<td>\(escape(evaluation.joined(separator: "; ")))</td>"
        out += "<td>\(placeLink(indicator.location, linkLines: linkLines))</td></tr>\n"
      }
      out += "</table>\n"
    }
    return out + "</article>\n"
  }

  /// The diagnostics, each linked to its cell (when a cell starts at its location) and its
  /// source line.
  static func diagnostics(_ list: [Diagnostic], cellIDs: [Location: String], linkLines: Bool)
    -> String
  {
    var out = "<section class=\"diagnostics\">\n<h2>Diagnostics</h2>\n"
    guard !list.isEmpty else { return out + "<p class=\"none\">None.</p>\n</section>\n" }
    out += "<ul>\n"
    for d in list {
      out += "<li class=\"diag-\(d.severity.rawValue)\"><b>\(escape(d.severity.rawValue))</b> "
      out += "<code>\(escape(d.code))</code> \(escape(d.message))"
      if let location = d.location {
        out += " — " + placeLink(location, linkLines: linkLines)
        if let id = cellIDs[location] { out += " · <a href=\"#\(id)\">cell</a>" }
      }
      out += "</li>\n"
    }
    return out + "</ul>\n</section>\n"
  }

  /// A location as text, linked to its source line where the page shows the source.
  static func placeLink(_ location: Location, linkLines: Bool) -> String {
    let text = escape(location.description)
    guard linkLines, location.part == nil, location.page == nil, location.sheet == nil,
      location.line > 0
    else { return text }
    return "<a href=\"#L\(location.line)\">\(text)</a>"
  }

  /// The anchor of each cell's starting location (the first cell that starts there).
  static func cellAnchors(_ document: Document) -> [Location: String] {
    var out: [Location: String] = [:]
    for table in document.tables {
      for cell in table.cells where out[cell.location] == nil {
        out[cell.location] = cellID(table, cell)
      }
    }
    return out
  }

  static func cellID(_ table: Table, _ cell: Cell) -> String {
    "\(escapeAttribute(table.id))-r\(cell.row)c\(cell.column)"
  }

  /// True when the value parser could not account for the text: a multiple reading, text
  /// left over, or words with no direction or grade that are more than a short phrase.
  static func isUntyped(_ value: Value) -> Bool {
    if !(value.unparsed ?? []).isEmpty { return true }
    return value.kind == .multiple
  }

  /// The typed reading in a line: `comparison >= 95 %`, `deadline 2021-12`, `qualitative up`.
  static func typed(_ value: Value) -> String {
    var parts = [value.kind.rawValue]
    if let op = value.op { parts.append(op.rawValue) }
    if let min = value.min, let max = value.max {
      parts.append("\(TerminalView.format(min))–\(TerminalView.format(max))")
    } else if let v = value.value {
      parts.append(TerminalView.format(v))
    }
    if let unit = value.unit { parts.append(unit + (value.per.map { "/\($0)" } ?? "")) }
    if let date = value.date {
      parts.append(
        [date.year.map(String.init), date.month.map(String.init), date.day.map(String.init)]
          .compactMap { $0 }.joined(separator: "-"))
    }
    if let direction = value.direction { parts.append(direction) }
    if let grade = value.grade { parts.append(grade) }
    if let unparsed = value.unparsed, !unparsed.isEmpty {
      parts.append("(unparsed: \(unparsed.joined(separator: " ")))")
    }
    return parts.joined(separator: " ")
  }

  /// Text with `&`, `<` and `>` escaped.
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for ch in text {
      switch ch {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      default: out.append(ch)
      }
    }
    return out
  }

  /// Text for an attribute value in double quotes.
  static func escapeAttribute(_ text: String) -> String {
    escape(text).replacingOccurrences(of: "\"", with: "&quot;")
  }
}
