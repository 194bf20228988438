import TablemendModel
import TablemendValues
import TablemendVocabulary

/// Indicators a self-evaluation report writes as sentences, one a line, instead of a table:
/// `建设占地面积:指标值为“约12000平方米”,全年实际完成值约20000平方米;`. The name is what stands
/// before the colon, the target what the target word (`指标值`, `目标值`) introduces, and the
/// result what a result word (`实际完成值`, `完成值`) introduces. Lines that are a level label
/// (`1.产出指标`, `(1)数量指标`) set the levels of the statements after them.
enum StatementReader {
  /// Words that introduce a statement's target, after the colon (an optional 年度 first).
  static let targetWords = ["预期指标值", "年度指标值", "指标值", "目标值", "预期值", "计划值"]
  /// Words that introduce its result.
  static let resultWords = ["实际完成值", "全年完成值", "实际值", "完成值"]

  /// The statements of `text` as one block, when two lines or more read as statements.
  static func block(in text: String) -> AlignedBlock? {
    var level1 = ""
    var level2 = ""
    var indicators: [Indicator] = []
    var grid: [[Int: StreamCell]] = []
    var number = 0
    func take(_ line: String, at location: Location) {
      // A level line is short; a statement has a colon.
      if line.utf8.count <= 60 {
        let bare = withoutOutlineNumber(line)
        let label = LabelFolding.key(bare)
        if LevelLabels.isLevel1(label) && !LevelLabels.isLevel2(label) {
          level1 = LabelFolding.display(bare)
          level2 = ""
          return
        }
        if LevelLabels.isLevel2(label) {
          level2 = LabelFolding.display(bare)
          return
        }
      }
      guard hasMark(line.utf8, ascii: 0x3A, fullWidth: 0x9A), let statement = read(line) else {
        return
      }
      let value = TimeLimits.reading(ValueParser.parse(statement.target), under: level2)
      indicators.append(
        Indicator(
          period: "annual", level1: level1, level2: level2, level3: statement.name, value: value,
          evaluation: statement.result.map { ["实际完成值": $0] }, location: location))
      var row: [Int: StreamCell] = [
        2: StreamCell(text: statement.name, kind: .text, location: location, rowBreak: .strong),
        4: StreamCell(text: statement.target, kind: .value, location: location, rowBreak: .none),
      ]
      if !level1.isEmpty {
        row[0] = StreamCell(text: level1, kind: .level1, location: location, rowBreak: .none)
      }
      if !level2.isEmpty {
        row[1] = StreamCell(text: level2, kind: .level2, location: location, rowBreak: .none)
      }
      if let result = statement.result {
        row[7] = StreamCell(text: result, kind: .value, location: location, rowBreak: .none)
      }
      grid.append(row)
    }
    for raw in text.lineSlices() {
      number += 1
      // A statement has a colon, a level line is short: other lines are passed over cheaply.
      guard raw.utf8.count <= 60 || hasMark(raw.utf8, ascii: 0x3A, fullWidth: 0x9A) else {
        continue
      }
      for (offset, unit) in units(of: raw) {
        let line = String(unit).trimmedPadding()
        guard !line.isEmpty, line.count <= 400 else { continue }
        let column = offset + (unit.count - unit.drop(while: \.isWhitespace).count) + 1
        take(line, at: Location(line: number, column: column))
      }
    }
    guard indicators.count >= 2, let first = indicators.first, let last = indicators.last else {
      return nil
    }
    var block = AlignedBlock(
      indicators: indicators, template: .headerless,
      diagnostics: [
        Diagnostic(
          .info, "statements-read",
          "\(indicators.count) indicators were read from sentences (名称:指标值为…), not from a table",
          at: first.location)
      ],
      location: first.location)
    block.rows = Array(indicators.indices)
    block.grid = grid
    block.start = Location(line: first.location.line, column: 1)
    block.end = last.location
    return block
  }

  /// True when `utf8` holds the ASCII punctuation `ascii` or its full-width form U+FF00 +
  /// (`fullWidth` - 0x80), encoded EF BC `fullWidth` (`:` / `：`, `;` / `；`).
  static func hasMark<C: Collection<UInt8>>(_ utf8: C, ascii: UInt8, fullWidth: UInt8) -> Bool {
    var previous: (UInt8, UInt8) = (0, 0)
    for byte in utf8 {
      if byte == ascii || (byte == fullWidth && previous == (0xEF, 0xBC)) { return true }
      previous = (previous.1, byte)
    }
    return false
  }

  /// The clauses of a line that a semicolon ends (a page flattened into one line runs its
  /// statements together: `…面积:指标值为“约120平方米”,全年实际完成值约1737平方米;项目竣工…`), each
  /// with its offset in characters; a semicolon inside quotes ends nothing.
  static func units(of line: Substring) -> [(Int, Substring)] {
    // Most lines hold no semicolon (`;` or the full-width `；`, EF BC 9B): one unit, no scan.
    guard hasMark(line.utf8, ascii: 0x3B, fullWidth: 0x9B) else { return [(0, line)] }
    var out: [(Int, Substring)] = []
    var start = line.startIndex
    var offset = 0
    var count = 0
    var quoted = false
    for index in line.indices {
      let c = line[index]
      count += 1
      if "“「".contains(c) { quoted = true } else if "”」".contains(c) { quoted = false }
      if !quoted, c == ";" || c == "；" {
        out.append((offset, line[start..<index]))
        start = line.index(after: index)
        offset = count
      }
    }
    out.append((offset, line[start...]))
    return out
  }

  /// A statement's name, target and result, or nil when `line` is no statement.
  static func read(_ line: String) -> (name: String, target: String, result: String?)? {
    let chars = Array(withoutOutlineNumber(line))
    // The name stands before the first colon that a target word follows, after the sentence
    // before it (`…情况分析。建设占地面积:指标值为…` when the lines were run together).
    var colon = 0
    var k = 0
    var word: String?
    while word == nil {
      guard let next = chars[k...].firstIndex(where: { $0 == ":" || $0 == "：" }) else {
        return nil
      }
      colon = next
      k = colon + 1
      for prefix in ["年度", "全年"] where matches(prefix, chars, k) { k += prefix.count }
      word = targetWords.first(where: { matches($0, chars, k) })
    }
    let start = chars[..<colon].lastIndex(where: { ",，;；。".contains($0) }).map { $0 + 1 } ?? 0
    let name = withoutOutlineNumber(String(chars[start..<colon]))
    guard (2...40).contains(name.count), start == 0 || chars[..<start].last == "。" else {
      return nil
    }
    k += word?.count ?? 0
    if k < chars.count, "为是:：".contains(chars[k]) { k += 1 }
    guard let (target, end) = quotedOrClause(chars, from: k), !target.isEmpty, target.count <= 30
    else { return nil }
    var result: String?
    var r = end
    while r < chars.count {
      if let found = resultWords.first(where: { matches($0, chars, r) }) {
        var v = r + found.count
        if v < chars.count, "为是:：".contains(chars[v]) { v += 1 }
        if let (text, _) = quotedOrClause(chars, from: v), !text.isEmpty, text.count <= 30,
          text.contains(where: { $0.isNumber })
        {
          result = text
        }
        break
      }
      r += 1
    }
    return (name, target, result)
  }

  /// The text from `k`: up to the closing quote when a quote opens it, else up to the next
  /// comma, semicolon, full stop or bracket; and where it ends.
  static func quotedOrClause(_ chars: [Character], from start: Int) -> (String, Int)? {
    guard start < chars.count else { return nil }
    var k = start
    if "“\"「‘'".contains(chars[k]) {
      k += 1
      guard let close = chars[k...].firstIndex(where: { "”\"」’'".contains($0) }) else {
        return nil
      }
      return (String(chars[k..<close]).trimmedPadding(), close + 1)
    }
    let end = chars[k...].firstIndex(where: { ",，;；。(（".contains($0) }) ?? chars.count
    return (String(chars[k..<end]).trimmedPadding(), end)
  }

  static func matches(_ word: String, _ chars: [Character], _ k: Int) -> Bool {
    RunTogetherSegmenter.matches(Array(word), chars, at: k)
  }

  /// The line without a leading outline number (`1.`, `(1)`, `一、`, `①`).
  static func withoutOutlineNumber(_ line: String) -> String {
    var chars = Array(line)
    if let first = chars.first, "①②③④⑤⑥⑦⑧⑨⑩".contains(first) {
      chars.removeFirst()
      return String(chars)
    }
    for length in (2...5).reversed() where chars.count > length {
      if CellClassifier.isOutlineNumber(LabelFolding.key(String(chars[..<length]))) {
        chars.removeFirst(length)
        break
      }
    }
    return String(chars).trimmedPadding()
  }
}
