import TablemendModel

/// Web pages flattened to one table row per line, cells separated by spaces; labels may
/// be broken over lines (`社会效益` / `指标`) or stand on lines of their own.
///
/// Lines holding only labels are carried into the next row as its leading cells. A line
/// of more than 40 space-separated words (a whole table on one line) is read as a stream
/// of cells, as `blank-line-cells` does.
public enum SpaceRowsDialect: TextDialect {
  public static let name = "space-rows"

  static func words(_ line: Substring, number: Int) -> [TextCell] {
    var out: [TextCell] = []
    var current = ""
    var start = 0
    for (i, c) in line.enumerated() {
      if c == " " || c == "\u{3000}" || c == "\u{A0}" {
        if !current.isEmpty {
          out.append(TextCell(text: current, location: Location(line: number, column: start + 1)))
        }
        current = ""
      } else {
        if current.isEmpty { start = i }
        current.append(c)
      }
    }
    if !current.isEmpty {
      out.append(TextCell(text: current, location: Location(line: number, column: start + 1)))
    }
    // A cell with spaces inside brackets (`数量( ≥**个 )`) is one cell, and so is a
    // comparison written apart from its number (`大于等于 100`).
    var merged: [TextCell] = []
    var depth = 0
    let comparisonWords: Set<String> = [
      "大于等于", "小于等于", "等于", "大于", "小于", "≥", "≤", "=", ">", "<", "＞", "＜", ">=", "<=",
    ]
    var joinNext = false
    for word in out {
      if depth > 0 || joinNext, var last = merged.popLast() {
        last.text += " " + word.text
        merged.append(last)
      } else {
        merged.append(word)
      }
      joinNext = comparisonWords.contains(word.text)
      for c in word.text {
        if c == "(" || c == "（" { depth += 1 }
        if c == ")" || c == "）" { depth = max(0, depth - 1) }
      }
    }
    return merged
  }

  public static func score(_ lines: [Substring]) -> Double {
    var vocabularyLines = 0
    var header = false
    // pdftotext -raw prints vertical labels one character per line: not this dialect.
    let singleCharacters = lines.prefix(5000).filter { line in
      let s = IndicatorVocabulary.squeezed(line)
      return s.count == 1 && s.first.map(IndicatorVocabulary.isCJK) == true
    }.count
    if singleCharacters >= 5 { return 0.1 }
    for line in lines.prefix(5000) {
      if line.has("\t") || line.has("|") { continue }
      let ws = words(line, number: 0).map { IndicatorVocabulary.squeezed($0.text) }
      guard ws.count >= 2 else { continue }
      if ws.contains("一级指标") && ws.contains("二级指标") { header = true }
      if ws.contains(where: { IndicatorAlignment.isKnownLabel($0) }) { vocabularyLines += 1 }
    }
    if header { return 0.6 }
    return vocabularyLines >= 4 ? 0.55 : vocabularyLines >= 2 ? 0.4 : 0.05
  }

  static func isLabelLike(_ text: String) -> Bool {
    let s = IndicatorVocabulary.squeezed(text)
    return IndicatorAlignment.isKnownLabel(s) || IndicatorVocabulary.isLabelHead(s)
      || IndicatorVocabulary.isLabelTail(s) || (s.hasPrefix("(") && s.hasSuffix("分)"))
      || s.hasSuffix("情况") || s == "一级" || s == "二级"
  }

  public static func tokenize(_ lines: [Substring], limits: Limits) throws(TextError)
    -> TokenizedText
  {
    var rows: [[TextCell]] = []
    var prefix: [TextCell] = []
    for (i, line) in lines.enumerated() {
      guard line.count <= limits.maxLineLength else {
        throw TextError(place: "\(i + 1):1", message: "line too long")
      }
      let ws = words(line, number: i + 1)
      guard !ws.isEmpty else { continue }
      if ws.count > 40 {
        rows += IndicatorAlignment.rowsFromStream(prefix + ws)
        prefix = []
        continue
      }
      let joined = IndicatorAlignment.normalise(prefix + ws)
      if joined.allSatisfy({ isLabelLike($0.text) }) && rows.last.map({ !$0.isEmpty }) ?? true {
        prefix = joined
        continue
      }
      rows.append(joined)
      prefix = []
    }
    if !prefix.isEmpty { rows.append(prefix) }
    // Title lines before the first row of two or more cells are paragraphs.
    var segments: [Segment] = []
    let first = rows.firstIndex { $0.count >= 2 } ?? rows.count
    for row in rows[..<first] {
      segments.append(.paragraph(row.map(\.text).joined(separator: " "), row[0].location))
    }
    if first < rows.count {
      segments.append(.rows(IndicatorAlignment.align(Array(rows[first...]))))
    }
    return TokenizedText(
      dialect: name, segments: segments,
      diagnostics: IndicatorAlignment.truncation(segments, lines: lines))
  }
}
