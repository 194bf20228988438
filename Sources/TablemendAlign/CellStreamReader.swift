import TablemendModel
import TablemendVocabulary

/// Text to a stream of cells: the syntax of every flattened-table export at once.
///
/// Cells are separated by `|`, tabs, runs of two or more spaces, and single spaces between
/// words of CJK text (a label spaced out letter by letter, `产 出 指 标`, is joined again).
/// A line made only of separators (`|||`, `| |`) marks a row break. When most lines of the text
/// hold several cells, every line is a row; otherwise (one cell per line) a line start is only
/// weak evidence. Long cells that run several cells together are cut by `RunTogetherSegmenter`,
/// and labels wrapped over several cells are joined by `FragmentJoiner`.
public enum CellStreamReader {
  /// The cells of `text`, in reading order.
  public static func cells(of text: String) -> [StreamCell] { read(text).cells }

  /// The cells of `text` and whether its lines are rows.
  public static func read(_ text: String) -> CellStream {
    var lines: [Line] = []
    var raws: [String] = []
    var number = 0
    for raw in text.lineSlices() {
      number += 1
      let line = withoutForcedBreaks(String(raw))
      let pieces = split(line)
      let pipes = bars(in: line)
      // A bare line (no separator in it) that is one cell may be several run together.
      let bare = pieces.count == 1 && pipes == 0 && !line.containsByte(0x09)
      lines.append(
        (
          number, pieces, pieces.isEmpty && pipes >= 2, bare, pipes > 0 || line.containsByte(0x09),
          false
        ))
      raws.append(line)
    }
    joinUnclosedCellLines(&lines, raws)
    joinBrokenBarRows(&lines, raws)
    joinWrappedCells(&lines, raws)
    continueUnfinishedRows(&lines)
    joinWrappedLayoutCells(&lines)
    let memo = KindMemo()
    let filledLines = lines.filter { !$0.cells.isEmpty }
    // A line of header words run together (`指标名称指标权重计量单位指标性质指标值`) says the
    // lines are rows run together, not one cell each.
    let gluedHeader = raws.contains { line in
      gluedHeaderWords.count { line.has($0) } >= 3 && line.count <= 80
    }
    // Searched once in the whole text; lines are folded only where the word stands.
    memo.resultsAndScores =
      text.has("得分") && resultHeaderWords.contains { text.has($0) }
    memo.weightAfterName =
      text.has("权重")
      && raws.contains { line in
        line.has("权重")
          && ["指标名称指标权重", "三级指标指标权重", "指标名称权重", "三级指标权重"].contains {
            LabelFolding.key(line).has($0)
          }
      }
    memo.linesAreCells =
      !gluedHeader && filledLines.count >= 20
      && filledLines.filter({ $0.cells.count == 1 }).count * 5
        >= filledLines.count * 4
      && filledLines.filter({ $0.cells.reduce(0) { $0 + $1.0.count } <= 60 }).count * 5
        >= filledLines.count * 4
    // Repeated result phrases are looked for only in lines that are one run-together cell.
    // Cells of 20 characters or more on lines without separators may be several run together
    // too (a page whose line breaks became spaces).
    let phrases = RunTogetherSegmenter.repeatedPhrases(
      in: lines.filter { !$0.explicit }.flatMap { $0.cells.map { Array($0.0) } })
    let filled = lines.filter { !$0.cells.isEmpty }
    let multi = filled.filter { $0.cells.count >= 2 }.count
    let linesAreRows = !filled.isEmpty && multi * 2 >= filled.count
    var out: [StreamCell] = []
    var pendingBreak = RowEvidence.strong
    for (lineIndex, line) in lines.enumerated() {
      if line.separator {
        pendingBreak = .strong
        continue
      }
      for (index, piece) in line.cells.enumerated() {
        var evidence = RowEvidence.none
        if index == 0 && !line.continues {
          evidence = max(pendingBreak, linesAreRows ? .strong : .weak)
        } else if linesAreRows && line.explicit {
          evidence = .against
        }
        let wholeLine = line.bare || (!line.explicit && piece.0.count >= 40)
        var segments = RunTogetherSegmenter.remembered(
          piece.0, phrases: phrases, wholeLine: wholeLine, memo: memo)
        // A name ending in a number before a cell that is a value is one name
        // (`*…建设质量达标率100% | >=98%`), not a name and its value.
        if !wholeLine, segments.count == 2, segments.joined() == piece.0,
          memo.kind(of: segments[1]) == .value, index + 1 < line.cells.count,
          memo.kind(of: line.cells[index + 1].0) == .value
        {
          segments = [piece.0]
        }
        // A numbered item with its target in brackets at its end is the item and the target,
        // unless a value follows it (then the bracket is a note on the name: `周转猪舍(≥**平方米)`).
        if let last = segments.last, last.hasPrefix("指"),
          last.hasSuffix(")") || last.hasSuffix("）"),
          let (item, target) = RunTogetherSegmenter.bracketedTarget(last),
          !Self.valueFollows(lines, line: lineIndex, cell: index, memo: memo)
        {
          segments.removeLast()
          segments += [item, target]
        }
        let offsets = Self.offsets(of: segments, in: piece.0)
        for (s, segment) in segments.enumerated() {
          out.append(
            StreamCell(
              text: segment, kind: memo.kind(of: segment),
              location: Location(line: line.number, column: piece.1 + offsets[s]),
              rowBreak: s == 0 ? evidence : .none))
        }
      }
      if !line.cells.isEmpty { pendingBreak = .none }
    }
    return CellStream(
      cells: OutlineNumbers.drop(
        LabelNames.markCostLevel(
          LabelNames.markOutlineLevels(
            LabelNames.mark(FragmentJoiner.join(NameHeaders.mark(out), memo: memo))))),
      linesAreRows: linesAreRows)
  }

  /// True when the cell after `cell` of line `line` (on the same line, or the first of the
  /// next line with cells) is a value.
  static func valueFollows(
    _ lines: [Line], line: Int, cell: Int, memo: KindMemo
  ) -> Bool {
    var next: String?
    if cell + 1 < lines[line].cells.count {
      next = lines[line].cells[cell + 1].0
    } else {
      next = lines[(line + 1)...].first { !$0.cells.isEmpty }?.cells.first?.0
    }
    guard let next else { return false }
    return memo.kind(of: next) == .value
  }

  /// Where each segment of `text` starts (in characters): segments are in order and do not
  /// overlap, but the cuts leave out what is no cell (punctuation between cells), so each is
  /// looked for from the end of the one before.
  static func offsets(of segments: [String], in text: String) -> [Int] {
    guard segments.count > 1 else { return segments.map { _ in 0 } }
    let chars = Array(text)
    var cursor = 0
    var out: [Int] = []
    for segment in segments {
      let wanted = Array(segment)
      var found = cursor
      if let first = wanted.first {
        var k = cursor
        found = -1
        while k + wanted.count <= chars.count {
          if chars[k] == first, Array(chars[k..<(k + wanted.count)]) == wanted {
            found = k
            break
          }
          k += 1
        }
        if found < 0 { found = cursor }
      }
      out.append(found)
      cursor = found + wanted.count
    }
    return out
  }

  /// Header words of a self-evaluation's result column.
  static let resultHeaderWords = ["实际完成值", "全年实际值", "实际值", "完成值", "实际完成情况", "全年完成值"]

  /// Header words whose running together on one line marks a run-together table.
  static let gluedHeaderWords = [
    "三级指标", "指标名称", "指标权重", "计量单位", "度量单位", "指标性质", "指标值", "分值", "得分",
  ]

  /// One line of the text as cells: its number, its cells with their columns, whether it is a
  /// separator line, a bare line (one cell, no separator), has explicit separators, and
  /// continues the row of a line above.
  typealias Line = (
    number: Int, cells: [(String, Int)], separator: Bool, bare: Bool, explicit: Bool,
    continues: Bool
  )

  /// Text written one cell a line, each closed by a bar (`项目名称 |`), where a cell's line
  /// breaks were kept (`打造金安国际网球` / `公开赛等系列品牌赛事 |`, `绩` / `效` / `指` / `标 |`): the
  /// lines with no bar between two closed cells are the start of the cell that closes next.
  /// Only where most lines close a cell, after a closed cell, and for at most four lines.
  static func joinUnclosedCellLines(_ lines: inout [Line], _ raws: [String]) {
    let filled = raws.indices.filter { !lines[$0].cells.isEmpty }
    let closes = filled.filter { closesCell(raws[$0]) }
    guard closes.count >= 10, closes.count * 10 >= filled.count * 7 else { return }
    var i = 1
    while i < lines.count {
      // A run of lines with text and no bar, right after a line that closes a cell.
      guard !lines[i].cells.isEmpty, !raws[i].containsByte(0x7C),
        !lines[i - 1].cells.isEmpty, closesCell(raws[i - 1])
      else {
        i += 1
        continue
      }
      var close = i + 1
      while close < lines.count, close - i <= 4, !lines[close].cells.isEmpty,
        !raws[close].containsByte(0x7C)
      {
        close += 1
      }
      guard close < lines.count, close - i <= 4, lines[close].cells.count == 1,
        closesCell(raws[close])
      else {
        i = close
        continue
      }
      let head = (i..<close).map { lines[$0].cells.map(\.0).joined() }.joined()
      lines[close].cells[0].0 = head + lines[close].cells[0].0
      for k in i..<close { lines[k].cells = [] }
      i = close + 1
    }
  }

  /// True when a line ends with a bar that closes its one cell (`项目名称 |`).
  static func closesCell(_ raw: String) -> Bool {
    raw.trimmedPadding().hasSuffix("|") && bars(in: raw) == 1
  }

  /// Rows opened by a bar (`|` first on the line, as jira and Markdown tables write them) whose
  /// last cell holds line breaks (`|  | 产`, `出`, `指`, `标 | 数量指标 | … |`): the lines up to the
  /// one that closes the row with a bar continue that cell, and the closing line's other cells
  /// continue the row.
  static func joinBrokenBarRows(_ lines: inout [Line], _ raws: [String]) {
    let opened = raws.filter { $0.trimmedPadding().hasPrefix("|") }.count
    guard opened >= 3 else { return }
    var i = 0
    while i < lines.count {
      let row = raws[i].trimmedPadding()
      guard row.hasPrefix("|") || lines[i].continues, !row.hasSuffix("|"),
        !lines[i].cells.isEmpty
      else {
        i += 1
        continue
      }
      var j = i + 1
      var closing: Int?
      while j < lines.count, j - i <= 8 {
        let t = raws[j].trimmedPadding()
        if t.hasPrefix("|") { break }
        if t.containsByte(0x7C) {
          closing = j
          break
        }
        j += 1
      }
      guard let close = closing, !lines[close].cells.isEmpty else {
        i += 1
        continue
      }
      var tail = ""
      for k in (i + 1)..<close {
        tail += lines[k].cells.map(\.0).joined()
        lines[k].cells = []
      }
      tail += lines[close].cells[0].0
      lines[i].cells[lines[i].cells.count - 1].0 += tail
      lines[close].cells.removeFirst()
      lines[close].continues = true
      // The closing line may break a later cell of the row again (`指标 | 二级指标 | 绩效`).
      i = close
    }
  }

  /// Bar rows that end at the indicator's name (`| 效益指标 | 经济效益 指标 | 减轻…负担 |`) and
  /// whose values follow on lines of their own (`| 有效 |`, `| 有效 | 10 | 10 |`): a line of
  /// values alone continues such a row while the row stays within the widest line's cells.
  static func continueUnfinishedRows(_ lines: inout [Line]) {
    let widest = lines.map(\.cells.count).max() ?? 0
    guard widest >= 4 else { return }
    func isValue(_ text: String) -> Bool {
      switch CellClassifier.classify(text) {
      case .value, .verdict, .number, .op, .unit: return true
      // A short word with no numbering: a qualitative target (`有效`, `良好`).
      case .shortText: return RunTogetherSegmenter.numberingEnd(Array(text), at: 0) == nil
      default: return false
      }
    }
    // The cells of the unfinished row so far.
    var open: Int?
    for i in lines.indices where !lines[i].cells.isEmpty {
      let cells = lines[i].cells
      let values = cells.allSatisfy { isValue($0.0) }
      if values, lines[i].explicit, let row = open, row + cells.count <= widest {
        lines[i].continues = true
        open = row + cells.count
        continue
      }
      // A row opens unfinished when its last cell is a name and it holds no value yet.
      let last = CellClassifier.classify(cells[cells.count - 1].0)
      let unfinished =
        lines[i].explicit && cells.count >= 2 && last == .text
        && !cells.contains { isValue($0.0) }
      open = unfinished ? cells.count : nil
    }
  }

  /// Pipe tables that wrap a row's short cells over several lines (pandoc's org tables:
  /// `| 绩 | 一级 |`, then `| 效 | 指标 |`, a vertical label one character per line): a line whose
  /// every cell is a short fragment of CJK text under a short cell of the last line with content
  /// (same pipe slot) is appended to those cells, and the line becomes a separator.
  static func joinWrappedCells(_ lines: inout [Line], _ raws: [String]) {
    func slot(_ line: Int, _ column: Int) -> Int {
      bars(in: raws[line].prefix(column - 1))
    }
    var last: Int?
    for i in lines.indices where !lines[i].cells.isEmpty {
      // Rows of several columns only (a cell-per-line export has one slot a line).
      guard lines[i].explicit, bars(in: raws[i]) >= 3 else {
        last = nil
        continue
      }
      // Only lines of short cells can be a wrapped row's continuation.
      if let p = last, lines[i].cells.allSatisfy({ $0.0.unicodeScalars.count <= 12 }) {
        let above = Dictionary(
          lines[p].cells.indices.map { (slot(p, lines[p].cells[$0].1), $0) },
          uniquingKeysWith: { a, _ in a })
        let targets = lines[i].cells.map { above[slot(i, $0.1)] }
        // Each cell a fragment under a short cell, or the rest of a label (`服务对象` + `满意度指标`).
        let wraps = zip(lines[i].cells, targets).allSatisfy { cell, target in
          guard let target else { return false }
          let head = lines[p].cells[target].0
          if isWrapFragment(cell.0, longest: 4) { return LabelFolding.key(head).count <= 6 }
          return completesLabel(head, cell.0)
        }
        if wraps {
          for (cell, target) in zip(lines[i].cells, targets) {
            if let t = target { lines[p].cells[t].0 += cell.0.trimmedPadding() }
          }
          lines[i].cells = []
          lines[i].separator = true
          continue
        }
      }
      last = i
    }
  }

  /// Layout text (pdftotext -layout, a text browser's dump) that wraps a narrow cell onto the
  /// next line (`不低于 400 平` / `方米`, `产出指` / `标`, `偏差原因分析及改进措` / `施`): a line
  /// right after a row of several cells, whose every cell is a short fragment of Chinese text
  /// (at most three characters, no label or header word) starting inside a cell above, is
  /// appended to those cells, and the line becomes a separator. The row above must be laid out
  /// in columns (two spaces or more between its cells, twice at least). A line that goes on
  /// with the next row gives up only a first fragment that completes a label above.
  static func joinWrappedLayoutCells(_ lines: inout [Line]) {
    func isFragment(_ text: String) -> Bool { isWrapFragment(text, longest: 3) }
    for i in lines.indices.dropFirst() {
      let p = i - 1
      guard !lines[i].explicit, !lines[p].explicit, lines[p].cells.count >= 2,
        let lead = lines[i].cells.first, isFragment(lead.0)
      else { continue }
      // A layout row: cells two characters apart or more, twice at least (a page's words set
      // apart by single spaces are no columns to wrap in).
      let row = lines[p].cells
      guard zip(row, row.dropFirst()).count(where: { $1.1 - ($0.1 + $0.0.count) >= 2 }) >= 2
      else { continue }
      // The cell above that a cell starting at `column` (in characters) starts inside.
      func cellAbove(_ column: Int) -> Int? {
        row.lastIndex { $0.1 <= column && column <= $0.1 + $0.0.count }
      }
      // A label's last characters at the start of the next row's line (`产出指` / `标  质量指标
      // …`): the label above, completed, is a known one.
      if !lines[i].cells.allSatisfy({ isFragment($0.0) }) {
        if let t = cellAbove(lead.1), completesLabel(row[t].0, lead.0.trimmedPadding()) {
          lines[p].cells[t].0 += lead.0.trimmedPadding()
          lines[i].cells.removeFirst()
        }
        continue
      }
      // Each fragment starts inside a cell of the line above.
      let targets = lines[i].cells.map { cellAbove($0.1) }
      guard targets.allSatisfy({ $0 != nil }), Set(targets).count == targets.count else {
        continue
      }
      for (cell, target) in zip(lines[i].cells, targets) {
        if let t = target { lines[p].cells[t].0 += cell.0.trimmedPadding() }
      }
      lines[i].cells = []
      lines[i].separator = true
    }
  }

  /// A short piece of Chinese text (`longest` characters at most) that a wrapped cell may
  /// leave on the next line: no level label, nor a level or target header word (those are cells
  /// of their own).
  static func isWrapFragment(_ text: String, longest: Int) -> Bool {
    let k = LabelFolding.key(text)
    let header = ColumnRole.of(header: k)
    return (1...longest).contains(k.count) && k.allSatisfy(isWide)
      && !LevelLabels.isLevel1(k) && !LevelLabels.isLevel2(k)
      && ![.level1, .level2, .level3, .target].contains(header)
  }

  /// True when `tail` completes `head` into a level label that `head` alone is not
  /// (`服务对象` + `满意度指标`, `项目完成指` + `标`).
  static func completesLabel(_ head: String, _ tail: String) -> Bool {
    let joined = head + tail
    return !LevelLabels.isLevel1(head) && !LevelLabels.isLevel2(head)
      && (LevelLabels.isLevel1(joined) || LevelLabels.isLevel2(joined))
  }

  /// How many `|` a text holds.
  static func bars<S: StringProtocol>(in text: S) -> Int {
    text.utf8.reduce(0) { $0 + ($1 == 0x7C ? 1 : 0) }
  }

  /// A line with DokuWiki's forced line breaks inside cells (`产\\ \\ 出`) as spaces.
  static func withoutForcedBreaks(_ line: String) -> String {
    guard line.has("\\\\") else { return line }
    return line.replacing(/(?:\\\\(?: |$))+/, with: " ")
  }

  /// The cells of one line with their 1-based columns.
  static func split(_ line: String) -> [(String, Int)] {
    // A line with no separator and no space is one cell (most lines of run-together text).
    if !line.utf8.contains(where: { $0 == 0x20 || $0 == 0x09 || $0 == 0x7C }),
      !line.has("｜"), !line.has("\u{3000}"), !line.has("\u{A0}")
    {
      let text = line.trimmedPadding()
      return text.isEmpty ? [] : [(text, 1)]
    }
    let chars = Array(line)
    // Lines with explicit separators keep their single spaces inside cells.
    let explicit = chars.contains(where: isSeparator)
    var out: [(text: String, column: Int, afterSingleSpace: Bool)] = []
    var current: [Character] = []
    // How many brackets the cell so far leaves open (`开发数量( ≥**个 )` is one cell).
    var openBrackets = 0
    var start = 0
    var gapBefore = false
    func flush(_ singleSpaceAfter: Bool) {
      if !current.isEmpty {
        out.append((String(current), start + 1, gapBefore))
      }
      current = []
      openBrackets = 0
      gapBefore = singleSpaceAfter
    }
    var i = 0
    while i < chars.count {
      let ch = chars[i]
      if isSeparator(ch) {
        flush(false)
        i += 1
        continue
      }
      if isSpace(ch) {
        var j = i
        while j < chars.count, isSpace(chars[j]) { j += 1 }
        let single = j - i == 1
        if single, let prev = current.last, j < chars.count,
          explicit || openBrackets > 0 || joinsAcrossSpace(prev, chars[j])
            || isSpacedOutLetter(chars, space: i)
            || signBeforeNumber(current, chars[j]) || unitAfterNumber(prev, chars, j)
        {
          current.append(ch)
        } else {
          flush(single && !current.isEmpty)
        }
        i = j
        continue
      }
      if current.isEmpty { start = i }
      current.append(ch)
      openBrackets += bracketDepthChange(ch)
      i += 1
    }
    flush(false)
    // A target written with spaces (`大于等于 100 个`, `≥ 95 %`) is one cell.
    var merged: [(String, Int)] = []
    var previousKind: CellKind?
    for (n, token) in out.enumerated() {
      let text = token.text.trimmedPadding()
      if text.isEmpty { continue }
      // Only tokens a single space separates can join; the others need no kind.
      let nextJoins = n + 1 < out.count && out[n + 1].afterSingleSpace
      guard token.afterSingleSpace || nextJoins else {
        merged.append((text, token.column))
        previousKind = nil
        continue
      }
      // A bracketed note set apart by one space (`扶持发展新型农业经营主体 (个)`) is the name's.
      if token.afterSingleSpace, previousKind == .text, let last = merged.last,
        Self.isBracketNote(text)
      {
        merged[merged.count - 1] = (last.0 + " " + text, last.1)
        continue
      }
      let key = LabelFolding.key(text)
      let kind: CellKind =
        CellClassifier.isOp(key)
        ? .op : CellClassifier.isNumber(key) ? .number : CellClassifier.isUnit(key) ? .unit : .text
      if token.afterSingleSpace, let last = merged.last,
        Self.continuesDate(last.0, text)
          || previousKind.map({ previous in
            (previous == .op && kind == .number) || (previous == .number && kind == .unit)
          }) == true
      {
        merged[merged.count - 1] = (last.0 + " " + text, last.1)
        previousKind = kind
        continue
      }
      merged.append((text, token.column))
      previousKind = kind
    }
    return merged
  }

  /// True when `next` goes on the date `text` ends with, the two set apart by a space as
  /// `pdftotext` writes digits among Chinese characters (`2023 年 12 月底前`): after a year or
  /// a month, one or two digits; after those digits, 月, 日 or 号.
  static func continuesDate(_ text: String, _ next: String) -> Bool {
    guard let first = next.first, let last = text.last, text.contains(where: \.isASCII) else {
      return false
    }
    // A year and a deadline word after it (`2023年 年底前`, `2023年 年内`).
    if last == "年", text.dropLast().last.map({ $0.isASCII && $0.isNumber }) == true,
      ["年底", "年内", "底前", "内完成"].contains(where: { next.hasPrefix($0) })
    {
      return true
    }
    if last == "年" || last == "月" {
      let digits = next.prefix { $0.isASCII && $0.isNumber }
      let rest = next[digits.endIndex...].drop { $0 == " " }
      return (1...2).contains(digits.count)
        && (digits.count == next.count || rest.first.map { !$0.isASCII } == true)
        && text.dropLast().last.map { $0 == " " || ($0.isASCII && $0.isNumber) } == true
    }
    guard last.isASCII, last.isNumber, "月日号".contains(first) else { return false }
    let beforeDigits = text.reversed().drop { $0.isASCII && $0.isNumber }.first
    return beforeDigits == " " && (text.has("年") || text.has("月"))
  }

  /// `(个)`, `（元）`, `(%)`: a unit in brackets, the one a name is counted in (`(盖章)` is none).
  static func isBracketNote(_ text: String) -> Bool {
    guard let first = text.first, let last = text.last, "(（".contains(first), ")）".contains(last)
    else { return false }
    let inside = String(text.dropFirst().dropLast())
    return (1...4).contains(inside.count) && CellClassifier.isUnit(LabelFolding.key(inside))
  }

  static func isSpace(_ ch: Character) -> Bool {
    ch.isScalar(" ") || ch.isScalar("\u{3000}") || ch.isScalar("\u{A0}")
  }

  /// One space that stays inside a cell: between a comparison sign and its number (`≥ 95`),
  /// a number and `%`, or two Latin letters.
  static func joinsAcrossSpace(_ prev: Character, _ next: Character) -> Bool {
    if "≥≤><=＞＜＝".contains(prev) && (next.isNumber || next == ".") { return true }
    if prev.isASCII && prev.isNumber && (next == "%" || next == "％") { return true }
    if prev.isASCII && prev.isLetter && next.isASCII && next.isLetter { return true }
    return false
  }

  /// +1 for an opening bracket, -1 for a closing one, 0 for any other character.
  static func bracketDepthChange(_ ch: Character) -> Int {
    if ch.isScalar("(") || ch.isScalar("（") { return 1 }
    if ch.isScalar(")") || ch.isScalar("）") { return -1 }
    return 0
  }

  /// `|`, a tab or a full-width bar: a cell border wherever it stands.
  static func isSeparator(_ ch: Character) -> Bool {
    ch.isScalar("|") || ch.isScalar("\t") || ch.isScalar("｜")
  }

  /// Words of indicator names that start with a unit's character (`项目`, `人员`): after a
  /// number and a space they start the next cell.
  static let wordsStartingWithAUnit: [[Character]] = [
    "项目", "人员", "人均", "人数", "次数", "个人", "户数", "件数", "天数", "名称", "台账",
  ].map { Array($0) }

  /// Words that stand alone before a count (`各 1 次`, `共 3 场`): a cell of their own is the
  /// count's.
  static let countPrefixes: [[Character]] = ["各", "共", "累计"].map { Array($0) }

  /// `大于等于 100`: a comparison word, a space, a number; or a count word alone before it
  /// (`各 1 次`).
  static func signBeforeNumber(_ current: [Character], _ next: Character) -> Bool {
    guard next.isASCII && next.isNumber else { return false }
    if countPrefixes.contains(current) { return true }
    return RunTogetherSegmenter.opPrefixes.contains { p in
      p.count <= current.count
        && RunTogetherSegmenter.matches(p, current, at: current.count - p.count)
    }
  }

  /// `100 个`: a number, a space, a unit.
  static func unitAfterNumber(_ prev: Character, _ chars: [Character], _ j: Int) -> Bool {
    guard prev.isASCII && prev.isNumber else { return false }
    // `512 项目持续期` is a number and the next name, not `512 项`; a document site's
    // `1 次测报员培训人次` is `1 次` and the next name.
    if wordsStartingWithAUnit.contains(where: { RunTogetherSegmenter.matches($0, chars, at: j) }) {
      return false
    }
    return RunTogetherSegmenter.units.contains { RunTogetherSegmenter.matches($0, chars, at: j) }
  }

  /// True when the characters on both sides of the single space at `space` stand alone
  /// between single spaces (`产 出 指 标`, `绩 效`): a word spaced out for layout.
  static func isSpacedOutLetter(_ chars: [Character], space: Int) -> Bool {
    func alone(_ i: Int) -> Bool {
      guard i >= 0, i < chars.count, isWide(chars[i]) else { return false }
      let left = i == 0 || isSpace(chars[i - 1])
      let right = i + 1 >= chars.count || isSpace(chars[i + 1])
      return left && right
    }
    return alone(space - 1) && alone(space + 1)
  }

  /// CJK ideographs and full-width punctuation.
  static func isWide(_ ch: Character) -> Bool {
    guard let v = ch.unicodeScalars.first?.value else { return false }
    return (0x2E80...0x9FFF).contains(v) || (0xF900...0xFAFF).contains(v)
      || (0xFF00...0xFF60).contains(v) || (0x3000...0x303F).contains(v)
  }
}

/// The cells of one text, and whether its lines are table rows (most hold two cells or more).
public struct CellStream: Sendable {
  public var cells: [StreamCell]
  public var linesAreRows: Bool
}
