import TablemendAlign
import TablemendModel
import TablemendVocabulary

/// Web pages whose table cells run together with no separator at all
/// (`产出指标数量指标农村义务教育学校改造覆盖率100%`).
///
/// Lines are cut at every known label (一级 / 二级 / header words); the text between two
/// labels is cut after each value (a number with its unit, a percentage, a comparison)
/// into 三级 + value pairs. Self-evaluation scores glued in front of a value (`20100%`)
/// cannot be told apart from the value and are left in it.
public enum RunTogetherDialect: TextDialect {
  public static let name = "run-together"

  static let labels: [String] = {
    // Labels, block labels and the longer header words (not cut inside), and standards, each
    // a cell of its own (`…100个计划标准质量指标…`).
    let all = Set(LevelLabels.spellings).union(DialectWords.blockHeaders)
      .union(DialectWords.standards)
    return all.sorted { $0.count > $1.count }
  }()

  /// The labels as characters, longest first, by their first character.
  static let labelsByFirst: [Character: [[Character]]] = {
    var out: [Character: [[Character]]] = [:]
    for label in labels {
      let chars = Array(label)
      if let first = chars.first { out[first, default: []].append(chars) }
    }
    return out
  }()

  public static func score(_ lines: [Substring]) -> Double {
    var glued = 0
    for line in lines.prefix(5000) {
      if line.utf8.contains(9) || line.utf8.contains(UInt8(ascii: "|")) { continue }
      // Every label this looks for holds 指标 or 满意度: skip lines with neither.
      guard line.has("指标") || line.has("满意度") else { continue }
      // One pass: at each character, the labels of four or more characters that start with it.
      let chars = Array(line)
      for i in chars.indices {
        guard let candidates = labelsByFirst[chars[i]] else { continue }
        for l in candidates where l.count >= 4 && i + l.count < chars.count {
          guard chars[i..<(i + l.count)].elementsEqual(l) else { continue }
          if isCJK(chars[i + l.count]) { glued += 1 }
          break
        }
        if glued >= 2 { return 0.5 }
      }
    }
    return glued >= 2 ? 0.5 : 0
  }

  /// Cuts a line into cells at labels and after values.
  static func cells(_ line: Substring, number: Int) -> [TextCell] {
    let chars = Array(line)
    var out: [TextCell] = []
    var textStart = 0
    var i = 0
    func emitText(_ end: Int) {
      // Words between spaces, with a comparison and its number (`大于等于 100`) and a number
      // and its unit (`100 个`) kept together.
      var words: [(start: Int, chars: [Character])] = []
      var wordStart = textStart
      var k = textStart
      while k <= end {
        if k == end || chars[k] == " " || chars[k] == "\u{3000}" {
          if wordStart < k {
            let word = Array(chars[wordStart..<k])
            if let last = words.last, joinsValue(last.chars, word) {
              words[words.count - 1].chars += word
            } else {
              words.append((wordStart, word))
            }
          }
          wordStart = k + 1
        }
        k += 1
      }
      for word in words {
        for (s, e) in splitValues(word.chars) {
          let text = String(word.chars[s..<e]).trimmingSpaces()
          if !text.isEmpty {
            out.append(
              TextCell(text: text, location: Location(line: number, column: word.start + s + 1)))
          }
        }
      }
    }
    while i < chars.count {
      if let label = labelsByFirst[chars[i]]?.first(where: { l in
        i + l.count <= chars.count && chars[i..<(i + l.count)].elementsEqual(l)
      }) {
        emitText(i)
        out.append(
          TextCell(text: String(label), location: Location(line: number, column: i + 1)))
        i += label.count
        textStart = i
      } else {
        i += 1
      }
    }
    emitText(chars.count)
    return out
  }

  /// True when `next` continues the value `word` ends in: a number after a comparison
  /// (`大于等于` `100`), or a unit after a number (`100` `个`).
  static func joinsValue(_ word: [Character], _ next: [Character]) -> Bool {
    guard let first = next.first, let last = word.last else { return false }
    if first.isNumber || ComparisonWords.signs.contains(first) {
      return ComparisonWords.signs.contains(last)
        || comparisonWords.contains {
          word.count >= $0.count && word.suffix($0.count).elementsEqual($0)
        }
    }
    // (The unit may run into the next cell: `100` `个大于等于`; the value is cut after it.)
    let text = String(next)
    return (last.isNumber || last == "%")
      && DialectWords.spacedUnits.contains { text.hasPrefix($0) }
  }

  /// `ComparisonWords.all` as characters, longest first.
  static let comparisonWords: [[Character]] = ComparisonWords.all.map(Array.init)

  /// Ranges of a label-free run: a 三级 text and the value after it, repeated.
  static func splitValues(_ chars: [Character]) -> [(Int, Int)] {
    var cuts: [(Int, Int)] = []
    var start = 0
    var i = 0
    while i < chars.count {
      // A value: optional comparator, digits, optional unit; it ends before CJK text.
      var j = i
      while j < chars.count, ComparisonWords.signs.contains(chars[j]) { j += 1 }
      let digitsStart = j
      while j < chars.count, chars[j].isNumber || chars[j] == "." { j += 1 }
      guard j > digitsStart else {
        i += 1
        continue
      }
      // The longest unit word after the number (`万元`, `人次`, `个`), then a percent sign.
      if let unit = DialectWords.spacedUnits.filter({ word in
        j + word.count <= chars.count && chars[j..<(j + word.count)].elementsEqual(word)
      }).max(by: { $0.count < $1.count }) {
        j += unit.count
      } else if j < chars.count, DialectWords.gluedUnits.contains(chars[j]) {
        j += 1
      }
      let atEnd = j >= chars.count
      let beforeText = !atEnd && isCJK(chars[j])
      // A comparison word right before the number opens the value.
      var valueStart = i
      if valueStart == digitsStart,
        let word = comparisonWords.first(where: { word in
          valueStart - word.count >= start
            && chars[(valueStart - word.count)..<valueStart].elementsEqual(word)
        })
      {
        valueStart -= word.count
      }
      if (atEnd || beforeText), valueStart > start {
        cuts.append((start, valueStart))
        cuts.append((valueStart, j))
        start = j
      }
      i = j
    }
    if start < chars.count { cuts.append((start, chars.count)) }
    return cuts
  }

  /// Rows from a line's cells: a label after other text, or a 三级 after a value, starts one.
  static func group(_ cells: [TextCell]) -> [[TextCell]] {
    if cells.contains(where: { squeezed($0.text) == "一级指标" }) {
      return RowPlacement.rowsFromStream(cells)
    }
    var rows: [[TextCell]] = []
    var row: [TextCell] = []
    var sawText = false
    var sawValue = false
    for cell in cells {
      let isLabel = RowPlacement.isKnownLabel(squeezed(cell.text))
      let isValue = ComparisonWords.opensValue(cell.text)
      if (isLabel && sawText) || (!isLabel && !isValue && sawValue) {
        rows.append(row)
        row = []
        sawText = false
        sawValue = false
      }
      row.append(cell)
      if !isLabel { sawText = true }
      if isValue { sawValue = true }
    }
    if !row.isEmpty { rows.append(row) }
    return rows
  }

  public static func tokenize(_ lines: [Substring], limits: Limits) throws(TextError)
    -> TokenizedText
  {
    var rows: [[TextCell]] = []
    var segments: [Segment] = []
    for (i, line) in lines.enumerated() {
      guard line.count <= limits.maxLineLength else {
        throw TextError(place: "\(i + 1):1", message: "line too long")
      }
      let text = String(line).trimmingSpaces()
      guard !text.isEmpty else { continue }
      let cells = cells(line, number: i + 1)
      if cells.count <= 1 {
        if rows.isEmpty {
          segments.append(.paragraph(text, Location(line: i + 1, column: 1)))
        } else {
          rows.append(cells)
        }
        continue
      }
      rows += group(cells)
    }
    if !rows.isEmpty { segments.append(.rows(PlacedRows.aligned(rows))) }
    return TokenizedText(
      dialect: name, segments: segments,
      diagnostics: PlacedRows.truncation(segments, lines: lines))
  }
}
