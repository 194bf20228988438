import Foundation
import TablemendModel

/// LaTeX tables (`pandoc -t latex`: `longtable`; hand-written `tabular`): rows end with `\\`,
/// cells are separated by `&`, `\multicolumn{n}{…}{…}` spans columns and `\multirow{m}{…}{…}`
/// spans rows, the slots a row span covers written as empty cells in the rows below.
///
/// Spans are exact. A repeated page header (`\endfirsthead` … `\endhead`) is dropped; rules
/// (`\toprule`, `\hline` …) are not rows. Cell text is unescaped (`\%`, `\textgreater{}`,
/// ``` ``…'' ``` quotes, `---`), formatting commands keep their text, `%` comments go, and a
/// blank line or `\\` inside a cell separates paragraphs. Text outside tables is kept as
/// paragraphs.
public enum LaTeXTableDialect: TextDialect {
  public static let name = "latex"

  public static func score(_ lines: [Substring]) -> Double {
    var begins = 0
    var ends = 0
    // Only lines with a backslash can hold either (a byte scan, not a Foundation search).
    for line in lines.prefix(20_000) where line.utf8.contains(UInt8(ascii: "\\")) {
      if line.contains("\\begin{longtable}") || line.contains("\\begin{tabular") { begins += 1 }
      if line.contains("\\end{longtable}") || line.contains("\\end{tabular") { ends += 1 }
    }
    return begins >= 1 && ends >= 1 ? 0.97 : 0
  }

  /// A character of a table's body and where it stands in the source.
  typealias Placed = (char: Character, location: Location)

  public static func tokenize(_ lines: [Substring], limits: Limits) throws(TextError)
    -> TokenizedText
  {
    var segments: [Segment] = []
    var cleaner = CellCleaner()
    var body: [Placed]?
    for (index, line) in lines.enumerated() {
      let number = index + 1
      guard line.count <= limits.maxLineLength else {
        throw TextError(
          place: "\(number):1", message: "line longer than \(limits.maxLineLength) characters")
      }
      if var text = body {
        if let end = line.range(of: "\\end{longtable}") ?? line.range(of: "\\end{tabular") {
          append(line[..<end.lowerBound], line: number, to: &text)
          let rows = self.rows(text, cleaner: &cleaner)
          if !rows.isEmpty { segments.append(.rows(rows)) }
          body = nil
        } else {
          append(line, line: number, to: &text)
          body = text
        }
        continue
      }
      if let begin = line.range(of: "\\begin{longtable}") ?? line.range(of: "\\begin{tabular") {
        // The body starts after the column specification (balanced braces after the name).
        var text: [Placed] = []
        append(line[begin.upperBound...], line: number, to: &text, column: begin.upperBound)
        body = text
        continue
      }
      let paragraph = plain(String(line)).trimmedPadding()
      if !paragraph.isEmpty, paragraph != "}" {
        segments.append(.paragraph(paragraph, Location(line: number, column: 1)))
      }
    }
    if let text = body {
      let rows = self.rows(text, cleaner: &cleaner)
      if !rows.isEmpty { segments.append(.rows(rows)) }
    }
    return TokenizedText(dialect: name, segments: segments, diagnostics: cleaner.diagnostics())
  }

  /// Appends a source line (without its `%` comment) and a line break.
  static func append(
    _ part: Substring, line: Int, to text: inout [Placed], column start: Substring.Index? = nil
  ) {
    var column = 1
    if let start { column = part.base.distance(from: part.base.startIndex, to: start) + 1 }
    var previous: Character?
    for c in part {
      if c == "%" && previous != "\\" { break }
      text.append((c, Location(line: line, column: column)))
      previous = c
      column += 1
    }
    text.append(("\n", Location(line: line, column: column)))
  }

  /// The rows of a table body, spans placed.
  static func rows(_ body: [Placed], cleaner: inout CellCleaner) -> [RawRow] {
    var chars = skipColumnSpec(body)
    chars = withoutRepeatedHeader(chars)
    var rows: [RawRow] = []
    var covered: [Int: Set<Int>] = [:]
    for rowText in split(chars, at: "\\\\") {
      let cells = split(withoutRules(rowText), at: "&")
      let texts = cells.map { String($0.map(\.char)) }
      // Rules and section marks only: not a row.
      if texts.count == 1, plain(texts[0]).trimmedPadding().isEmpty { continue }
      let r = rows.count
      var raw: [RawCell] = []
      var c = 0
      for (cell, text) in zip(cells, texts) {
        let (span, rowSpan, content) = spans(text)
        let paragraphs = paragraphsOf(content)
        let location =
          cell.first(where: { !$0.char.isWhitespace })?.location ?? cell.first?.location
          ?? Location(line: 1, column: 1)
        if covered[r]?.contains(c) == true, paragraphs.isEmpty {
          c += span  // the empty slot a row span above covers
          continue
        }
        while covered[r]?.contains(c) == true { c += 1 }
        raw.append(
          RawCell(
            paragraphs: cleaner.clean(paragraphs.map { Substring($0) }, at: location),
            location: location, columnSpan: span, rowSpan: rowSpan, column: c))
        if rowSpan > 1 {
          for below in (r + 1)..<(r + rowSpan) {
            for k in c..<(c + span) { covered[below, default: []].insert(k) }
          }
        }
        c += span
      }
      guard let first = raw.first else { continue }
      rows.append(RawRow(cells: raw, location: Location(line: first.location.line, column: 1)))
    }
    return rows
  }

  /// Rules and section marks that open a row's text (`\toprule\noalign{}`, `\endhead`,
  /// `\hline`, `\cline{2-3}`): not part of its first cell.
  static func withoutRules(_ chars: [Placed]) -> [Placed] {
    let marks = [
      "\\toprule", "\\midrule", "\\bottomrule", "\\hline", "\\cline", "\\noalign",
      "\\endfirsthead", "\\endhead", "\\endfoot", "\\endlastfoot", "\\addlinespace",
      "\\cmidrule",
    ].map(Array.init)
    var i = 0
    while true {
      while i < chars.count, chars[i].char.isWhitespace { i += 1 }
      guard
        let mark = marks.first(where: { m in
          i + m.count <= chars.count && chars[i..<(i + m.count)].map(\.char) == m
            && (i + m.count == chars.count || !chars[i + m.count].char.isLetter)
        })
      else { break }
      i += mark.count
      // Its arguments: `[…]`, `(…)` and `{…}` right after it.
      while i < chars.count, "[({".contains(chars[i].char) {
        let close: Character = chars[i].char == "[" ? "]" : chars[i].char == "(" ? ")" : "}"
        while i < chars.count, chars[i].char != close { i += 1 }
        i += 1
      }
    }
    return Array(chars[min(i, chars.count)...])
  }

  /// The body after the column specification (`{@{} >{…}p{…} … @{}}` or `{|l|c|}`).
  static func skipColumnSpec(_ body: [Placed]) -> [Placed] {
    var i = 0
    // An optional position (`[]`, `[t]`) first.
    while i < body.count, body[i].char.isWhitespace { i += 1 }
    if i < body.count, body[i].char == "[" {
      while i < body.count, body[i].char != "]" { i += 1 }
      i += 1
    }
    while i < body.count, body[i].char.isWhitespace { i += 1 }
    guard i < body.count, body[i].char == "{" else { return Array(body[min(i, body.count)...]) }
    var depth = 0
    while i < body.count {
      if body[i].char == "{" { depth += 1 }
      if body[i].char == "}" {
        depth -= 1
        if depth == 0 { return Array(body[(i + 1)...]) }
      }
      i += 1
    }
    return []
  }

  /// The body without the rows between `\endfirsthead` and `\endhead` (the header repeated on
  /// later pages).
  static func withoutRepeatedHeader(_ body: [Placed]) -> [Placed] {
    let text = String(body.map(\.char))
    guard let first = text.range(of: "\\endfirsthead"), let head = text.range(of: "\\endhead"),
      first.upperBound <= head.lowerBound
    else { return body }
    let from = text.distance(from: text.startIndex, to: first.upperBound)
    let to = text.distance(from: text.startIndex, to: head.upperBound)
    return Array(body[..<from]) + Array(body[to...])
  }

  /// `chars` cut at `separator` where it stands outside braces and is not escaped (`\&`).
  static func split(_ chars: [Placed], at separator: String) -> [[Placed]] {
    let sep = Array(separator)
    var parts: [[Placed]] = []
    var current: [Placed] = []
    var depth = 0
    var i = 0
    while i < chars.count {
      let c = chars[i].char
      if c == "\\", i + 1 < chars.count, sep != ["\\", "\\"] || chars[i + 1].char != "\\" {
        // An escaped character or a command: kept whole, never a separator.
        current.append(chars[i])
        current.append(chars[i + 1])
        i += 2
        continue
      }
      if c == "{" { depth += 1 }
      if c == "}" { depth = max(0, depth - 1) }
      if depth == 0, i + sep.count <= chars.count,
        chars[i..<(i + sep.count)].map(\.char) == sep
      {
        parts.append(current)
        current = []
        i += sep.count
        continue
      }
      current.append(chars[i])
      i += 1
    }
    parts.append(current)
    return parts
  }

  /// A cell's column span, row span and content: `\multicolumn{n}{spec}{…}` around an optional
  /// `\multirow[pos]{m}{width}{…}`.
  static func spans(_ text: String) -> (Int, Int, String) {
    var content = text.trimmedPadding()
    var columns = 1
    var rows = 1
    if let args = arguments(of: "\\multicolumn", in: content, count: 3) {
      columns = min(max(Int(args[0].trimmedPadding()) ?? 1, 1), 1000)
      content = args[2].trimmedPadding()
    }
    if let args = arguments(of: "\\multirow", in: content, count: 3) {
      rows = min(max(Int(args[0].trimmedPadding()) ?? 1, 1), 1000)
      content = args[2].trimmedPadding()
    }
    return (columns, rows, content)
  }

  /// The brace arguments of `command` when the text starts with it (an optional `[…]` after
  /// the name skipped), or nil.
  static func arguments(of command: String, in text: String, count: Int) -> [String]? {
    guard text.hasPrefix(command) else { return nil }
    var chars = Array(text.dropFirst(command.count))
    var i = 0
    func skipSpace() { while i < chars.count, chars[i].isWhitespace { i += 1 } }
    skipSpace()
    if i < chars.count, chars[i] == "[" {
      while i < chars.count, chars[i] != "]" { i += 1 }
      i += 1
    }
    var out: [String] = []
    while out.count < count {
      skipSpace()
      guard i < chars.count, chars[i] == "{" else { return nil }
      var depth = 0
      let start = i + 1
      while i < chars.count {
        if chars[i] == "\\" {
          i += 2
          continue
        }
        if chars[i] == "{" { depth += 1 }
        if chars[i] == "}" {
          depth -= 1
          if depth == 0 { break }
        }
        i += 1
      }
      guard i < chars.count else { return nil }
      out.append(String(chars[start..<i]))
      i += 1
    }
    chars = []
    return out
  }

  /// A cell's paragraphs: each line of it (pandoc writes a paragraph a line; a wrapped line is
  /// joined back by the forms stage as any wrapped cell is), `\\` a line break.
  static func paragraphsOf(_ content: String) -> [String] {
    content.replacingOccurrences(of: "\\\\", with: "\n").split(separator: "\n")
      .map { plain(String($0)).trimmedPadding() }.filter { !$0.isEmpty }
  }

  /// LaTeX text as the page shows it: escapes and pandoc's symbol commands replaced,
  /// formatting commands and braces dropped.
  static func plain(_ text: String) -> String {
    guard text.contains(where: { "\\{}~`'-".contains($0) }) else { return text }
    var s = text
    for (from, to) in replacements { s = s.replacingOccurrences(of: from, with: to) }
    // Any other command name goes (its braced text stays); then the braces.
    s = s.replacing(/\\[a-zA-Z]+\*?/, with: "")
    return String(
      s.filter { $0 != "{" && $0 != "}" }.map {
        $0 == "\u{F0001}" ? "{" : $0 == "\u{F0002}" ? "}" : $0
      })
  }

  static let replacements: [(String, String)] = [
    ("\\textgreater{}", ">"), ("\\textless{}", "<"), ("\\textbackslash{}", "\\"),
    ("\\textasciitilde{}", "~"), ("\\textasciicircum{}", "^"), ("\\ldots{}", "…"),
    ("\\%", "%"), ("\\&", "&"), ("\\_", "_"), ("\\#", "#"), ("\\$", "$"), ("\\{", "\u{F0001}"),
    ("\\}", "\u{F0002}"), ("{[}", "["), ("{]}", "]"), ("``", "“"), ("''", "”"), ("---", "—"),
    ("--", "–"), ("~", " "), ("\\noalign{}", ""),
  ]
}
