import TablemendAlign
import TablemendModel
import TablemendVocabulary

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
      if c == " " || c == "\u{3000}" || c == "\u{A0}" || c == "\u{0C}" {
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
    var joinNext = false
    for word in out {
      // A unit written apart from its number (`100 个`) belongs to it.
      let isUnit = DialectWords.isSpacedUnit(word.text, after: merged.last?.text.last)
      // pdftotext puts a space before full-width punctuation (`安排 ，完成`): the word after
      // it continues the one before.
      let continues = word.text.first.map { LayoutText.closingPunctuation.contains($0) } == true
      if continues, var last = merged.popLast() {
        last.text += word.text
        merged.append(last)
      } else if depth > 0 || joinNext || isUnit, var last = merged.popLast() {
        last.text += " " + word.text
        merged.append(last)
      } else {
        merged.append(word)
      }
      // A number after a word ending in a comparison (`…改善度不低于 80%`) is its value.
      joinNext =
        DialectWords.spacedComparisons.contains(word.text)
        || (word.text.count > 3
          && ComparisonWords.strict.contains { word.text.hasSuffix($0) })
      for c in word.text {
        if c == "(" || c == "（" { depth += 1 }
        if c == ")" || c == "）" { depth = max(0, depth - 1) }
      }
    }
    return merged
  }

  /// Rows after an indicator header: header lines that only continue it (近两年指标值 /
  /// 上年 预期当年实现值) are read into the header by `IndicatorStream`, and a row that has no
  /// value yet takes the lines after it while they do not open a row (a 三级 wrapped over
  /// lines: `保障机关事业单位编制实名` / `制管理工作透明度、公信力` / `大于等于 100% 计划标准`).
  static func joinContinuations(_ rows: [[TextCell]]) -> [[TextCell]] {
    var out: [[TextCell]] = []
    var inBlock = false
    var i = 0
    func isHeaderWords(_ row: [TextCell]) -> Bool {
      !row.isEmpty
        && row.allSatisfy { HeaderFragments.isFragment($0.text) }
    }
    func lacksValue(_ row: [TextCell]) -> Bool {
      let content = row.filter { !IndicatorStream.isLabel($0.text) }
      return content.count <= 1 && !content.contains { ComparisonWords.opensValue($0.text) }
    }
    while i < rows.count {
      var row = rows[i]
      i += 1
      // A form title or a field name ends the block (the next form starts).
      if let first = row.first, endsBlock(first.text) { inBlock = false }
      if RowPlacement.header(row) != nil {
        inBlock = true
        var words = row
        while i < rows.count, isHeaderWords(rows[i]) {
          words += rows[i]
          i += 1
        }
        out.append(IndicatorStream(header: words)?.header ?? row)
        continue
      }
      if inBlock, lacksValue(row), !row.isEmpty,
        !RowPlacement.blockEnders.contains(where: {
          squeezed(row[0].text).hasPrefix($0)
        })
      {
        while i < rows.count, let first = rows[i].first, opensNoRow(first.text),
          !endsBlock(first.text),
          RowPlacement.header(rows[i]) == nil, lacksValue(row), !isPlaceholder(row)
        {
          var next = rows[i]
          if !ComparisonWords.opensValue(first.text), var last = row.popLast() {
            last.text += next.removeFirst().text
            row.append(last)
          }
          row += next
          i += 1
        }
      }
      out.append(row)
    }
    return out
  }

  /// True for text that can continue a cell: not a label or label fragment, a score, a
  /// numbered item (`指标2:`) or a placeholder (`……`, `/`).
  static func opensNoRow(_ text: String) -> Bool {
    let s = squeezed(text)
    return !isLabelLike(s) && !IndicatorStream.isNumberedItem(s)
      && !isFiller(s)
  }

  /// `……`, `/`, `-`: a cell left unfilled on purpose.
  static func isFiller(_ s: String) -> Bool {
    s.allSatisfy { "…./／-—".contains($0) }
  }

  /// A form title (`…绩效目标填报表`) or a field name (`项目名称`): not a cell's continuation.
  static func endsBlock(_ text: String) -> Bool {
    let s = squeezed(text)
    if s.has("绩效") && (s.hasSuffix("表") || s.has("表（") || s.has("表(")) { return true }
    return RowPlacement.isFieldLabel(s) || s.hasPrefix("（") && s.has("年度")
  }

  /// A row whose last cell is an empty numbered item (`指标2:`) or a placeholder.
  static func isPlaceholder(_ row: [TextCell]) -> Bool {
    guard let last = row.last else { return true }
    let s = squeezed(last.text)
    if isFiller(s) { return true }
    guard IndicatorStream.isNumberedItem(s) else { return false }
    return s.drop { !":：".contains($0) }.dropFirst().isEmpty
  }

  public static func score(_ lines: [Substring]) -> Double {
    var vocabularyLines = 0
    var header = false
    // pdftotext -raw prints vertical labels one character per line: not this dialect.
    let singleCharacters = lines.prefix(5000).filter { line in
      guard line.utf8.count <= 16 else { return false }
      let s = squeezed(line)
      return s.count == 1 && s.first.map(isCJK) == true
    }.count
    if singleCharacters >= 5 { return 0.1 }
    for line in lines.prefix(5000) {
      if line.utf8.contains(where: { $0 == 0x09 || $0 == UInt8(ascii: "|") }) { continue }
      let ws = words(line, number: 0).map { squeezed($0.text) }
      guard ws.count >= 2 else { continue }
      if ws.contains("一级指标") && ws.contains("二级指标") { header = true }
      if ws.contains(where: { RowPlacement.isKnownLabel($0) }) { vocabularyLines += 1 }
    }
    if header { return 0.6 }
    return vocabularyLines >= 4 ? 0.55 : vocabularyLines >= 2 ? 0.4 : 0.05
  }

  static func isLabelLike(_ text: String) -> Bool {
    let s = squeezed(text)
    return RowPlacement.isKnownLabel(s) || LevelLabels.isLabelHead(s)
      || LevelLabels.isLabelTail(s) || (s.hasPrefix("(") && s.hasSuffix("分)"))
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
        rows += RowPlacement.rowsFromStream(prefix + ws)
        prefix = []
        continue
      }
      let joined = RowPlacement.normalise(prefix + ws)
      // (An indicator header is a row of its own, though all its words are labels.)
      if joined.allSatisfy({ isLabelLike($0.text) }) && rows.last.map({ !$0.isEmpty }) ?? true
        && RowPlacement.header(joined) == nil
      {
        prefix = joined
        continue
      }
      rows.append(joined)
      prefix = []
    }
    if !prefix.isEmpty { rows.append(prefix) }
    rows = joinContinuations(rows)
    // Title lines before the first row of two or more cells are paragraphs.
    var segments: [Segment] = []
    let first = rows.firstIndex { $0.count >= 2 } ?? rows.count
    for row in rows[..<first] {
      segments.append(.paragraph(row.map(\.text).joined(separator: " "), row[0].location))
    }
    if first < rows.count {
      segments.append(.rows(PlacedRows.aligned(Array(rows[first...]))))
    }
    return TokenizedText(
      dialect: name, segments: segments,
      diagnostics: PlacedRows.truncation(segments, lines: lines))
  }
}
