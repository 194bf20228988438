import TablemendAlign
import TablemendModel
import TablemendVocabulary

/// `pdftotext -layout` output: pages separated by form feeds, cells placed by spaces.
///
/// Each page becomes its own run of rows. An indicator block (from the line naming
/// 一级指标 / 二级指标 / 三级指标) is rebuilt by `LayoutIndicatorBlock`, with column hints and
/// rowSpan hints on merged labels. Above it, each line with several chunks (runs of text two
/// or more spaces apart) is a row; a two-column goals area (项目总目标 / 年度总体目标) is split
/// at its gutter and each side joined into one cell.
public enum PdftotextLayoutDialect: TextDialect {
  public static let name = "pdftotext-layout"

  public static func score(_ lines: [Substring]) -> Double {
    var nonBlank = 0
    var aligned = 0
    var tabs = 0
    var pipes = 0
    var formFeeds = 0
    for line in lines.prefix(5000) {
      // Bytes, not Characters: spaces, tabs, pipes and form feeds are ASCII, and a gap of
      // spaces between two non-space bytes is the same gap in UTF-8.
      var seenText = false
      var run = 0
      var gap = false
      var (feed, tab, pipe) = (false, false, false)
      for byte in line.utf8 {
        switch byte {
        case 0x0C: feed = true
        case 0x09: tab = true
        case UInt8(ascii: "|"): pipe = true
        default: break
        }
        if byte == 0x20 {
          run += 1
        } else if byte != 0x0C {
          if seenText && run >= 3 { gap = true }
          seenText = true
          run = 0
        }
      }
      if feed { formFeeds += 1 }
      if tab { tabs += 1 }
      if pipe { pipes += 1 }
      guard seenText else { continue }
      nonBlank += 1
      if gap { aligned += 1 }
    }
    guard nonBlank >= 3 else { return 0 }
    if tabs * 10 > nonBlank || pipes * 5 > nonBlank { return 0 }
    let ratio = Double(aligned) / Double(nonBlank)
    guard ratio >= 0.2 else { return ratio }
    return min(1, 0.5 + ratio * 0.5 + (formFeeds > 0 ? 0.2 : 0))
  }

  /// True when non-space text sits on both sides of a run of `width` or more spaces.
  static func hasInnerGap(_ chars: [Character], width: Int) -> Bool {
    var seenText = false
    var run = 0
    for c in chars {
      if c == " " {
        run += 1
      } else if c != "\u{0C}" {
        if seenText && run >= width { return true }
        seenText = true
        run = 0
      }
    }
    return false
  }

  public static func tokenize(_ lines: [Substring], limits: Limits) throws(TextError)
    -> TokenizedText
  {
    var pages: [[LayoutLine]] = [[]]
    for (i, raw) in lines.enumerated() {
      guard raw.count <= limits.maxLineLength else {
        throw TextError(
          place: "\(i + 1):1", message: "line longer than \(limits.maxLineLength) characters")
      }
      var chars = Array(raw)
      if chars.last == "\r" { chars.removeLast() }
      var offset = 0
      while let ff = chars.firstIndex(of: "\u{0C}") {
        let before = Array(chars[..<ff])
        if !before.isEmpty {
          pages[pages.count - 1].append(LayoutLine(number: i + 1, offset: offset, chars: before))
        }
        pages.append([])
        offset += ff + 1
        chars = Array(chars[(ff + 1)...])
      }
      pages[pages.count - 1].append(LayoutLine(number: i + 1, offset: offset, chars: chars))
    }
    var diagnostics: [Diagnostic] = []
    // A text browser's dump aligns its columns in display columns (a Chinese character two
    // wide): read it so when that aligns more cells than counting characters does.
    let sample = Array(pages.joined().prefix(3000))
    let alignedByCharacters = alignedChunks(sample)
    let alignedByDisplay = alignedChunks(sample.map { $0.displayPadded() })
    if alignedByDisplay > alignedByCharacters + max(3, alignedByCharacters / 5) {
      pages = pages.map { $0.map { $0.displayPadded() } }
      diagnostics.append(
        Diagnostic(
          .info, "layout-display-columns",
          "columns line up in display columns (a Chinese character two wide, as text browsers "
            + "lay tables out): \(alignedByDisplay) cells aligned against \(alignedByCharacters) "
            + "counting characters",
          at: Location(line: 1, column: 1)))
    }
    pages = pages.map(raisingHeaderTops)
    var segments: [Segment] = []
    // A block that runs to the end of its page continues at the top of the next one.
    var openBlock: (page: Int, header: LayoutIndicatorHeader)?
    for p in pages.indices {
      if let open = openBlock, p > open.page {
        let lines = LayoutPageJoin.continuation(pages[p])
        if let last = lines.last, let remapped = LayoutPageJoin.remap(lines, to: open.header),
          let cut = pages[p].firstIndex(where: { $0.number == last.number })
        {
          pages[open.page] += remapped
          pages[p].removeSubrange(...cut)
          diagnostics.append(
            Diagnostic(
              .info, "layout-page-joined",
              "the indicator table continues on the next page; its \(lines.count) lines there "
                + "were read onto this page's columns",
              at: lines[0].location(0)))
        }
        if !pages[p].contains(where: { !$0.isBlank && !LayoutPageJoin.isPageNumber($0) }) {
          continue  // the whole page continued the block: it stays open
        }
      }
      openBlock = nil
      if let start = pages[p].lastIndex(where: LayoutIndicatorHeader.isBlockHeader),
        let header = LayoutIndicatorHeader(lines: Array(pages[p][start...]))
      {
        openBlock = (p, header)
      }
    }
    var previousHadBlock = false
    for page in pages {
      let headers = page.indices.filter { LayoutIndicatorHeader.isBlockHeader(page[$0]) }
      var (pageSegments, pageDiagnostics) = tokenizePage(page, headers: headers)
      // A page that opens with an indicator block (perhaps under a header word printed above
      // its header line) after a page that held one continues that table: the form's next
      // block (年度 after 长期).
      let opening = page.first { line in
        !line.isBlank && !LayoutPageJoin.isPageNumber(line)
          && !line.chunks().allSatisfy { HeaderFragments.isFragment($0.text) }
      }
      let opensBlock = opening.map(LayoutIndicatorHeader.isBlockHeader) ?? false
      defer { previousHadBlock = !headers.isEmpty }
      if previousHadBlock, opensBlock, case .rows(let previous)? = segments.last {
        var lead: [RawRow] = []
        var k = 0
        while k < pageSegments.count, case .paragraph(let text, let location) = pageSegments[k],
          HeaderFragments.isFragment(text)
        {
          var cell = RawCell(paragraphs: [text], location: location)
          cell.layoutStart = max(0, location.column - 1)
          lead.append(RawRow(cells: [cell], location: location))
          k += 1
        }
        if k < pageSegments.count, case .rows(let rows) = pageSegments[k] {
          segments[segments.count - 1] = .rows(previous + lead + rows)
          pageSegments.removeFirst(k + 1)
        }
      }
      segments += pageSegments
      diagnostics += pageDiagnostics
    }
    // Every table's cells on one column grid.
    segments = segments.map { segment in
      guard case .rows(let rows) = segment else { return segment }
      return .rows(LayoutColumns.place(rows))
    }
    return TokenizedText(dialect: name, segments: segments, diagnostics: diagnostics)
  }

  /// How many chunks, past the first of their line, start exactly where chunks of at least
  /// two other lines start: how well the lines share column starts (callers pass a sample).
  static func alignedChunks(_ lines: [LayoutLine]) -> Int {
    var linesStarting: [Int: Int] = [:]
    var starts: [[Int]] = []
    for line in lines {
      let lineStarts = line.chunks().dropFirst().map(\.start)
      guard !lineStarts.isEmpty else { continue }
      starts.append(lineStarts)
      for start in Set(lineStarts) { linesStarting[start, default: 0] += 1 }
    }
    return starts.reduce(0) { total, lineStarts in
      total + lineStarts.filter { (linesStarting[$0] ?? 0) >= 3 }.count
    }
  }

  /// One page's segments; `headers` are the indices of its block header lines.
  static func tokenizePage(_ lines: [LayoutLine], headers: [Int]) -> ([Segment], [Diagnostic]) {
    let formEnd = headers.first ?? lines.count
    var segments: [Segment] = []
    var diagnostics: [Diagnostic] = []
    var rows = formRows(Array(lines[..<formEnd]), tableFollows: !headers.isEmpty)
    segments += rows.before
    for (k, start) in headers.enumerated() {
      let end = k + 1 < headers.count ? headers[k + 1] : lines.count
      let result = LayoutIndicatorBlock(lines: Array(lines[start..<end])).rows()
      rows.rows += PlacedRows.raw(result.rows)
      diagnostics += result.diagnostics
    }
    if !rows.rows.isEmpty { segments.append(.rows(rows.rows)) }
    segments += rows.after
    return (segments, diagnostics)
  }

  /// Header cells centred vertically in a row the header words wrap in: the short words
  /// (`一级`, `绩效`, a vertical label's first character) sit on the line above the line that
  /// names 二级 and 三级, their tails on the line below (text browsers' dumps, LibreOffice's PDF
  /// of an HTML table). The line above is laid onto the naming line where that line is blank, so
  /// that one line names every level (the tails below are joined as in any wrapped header).
  static func raisingHeaderTops(_ page: [LayoutLine]) -> [LayoutLine] {
    var out = page
    for i in out.indices.dropFirst() {
      let s = squeezed(String(out[i].chars))
      guard s.has("三级指标"), s.has("二级"), !s.has("一级") else { continue }
      var j = i - 1
      if out[j].isBlank, j > 0 { j -= 1 }
      let above = out[j].chunks()
      guard !above.isEmpty, above.contains(where: { squeezed($0.text).hasPrefix("一级") }),
        above.allSatisfy({ squeezed($0.text).count <= 4 })
      else { continue }
      var line = out[i]
      // Every character of the line above must land on a blank column.
      let clash = above.contains { chunk in
        (chunk.start..<chunk.end).contains { $0 < line.chars.count && line.chars[$0] != " " }
      }
      if clash { continue }
      let width = max(line.chars.count, out[j].chars.count)
      if line.chars.count < width {
        if var columns = line.sourceColumns {
          let next = (columns.last ?? -1) + 1
          columns += (0..<(width - line.chars.count)).map { next + $0 }
          line.sourceColumns = columns
        }
        line.chars += Array(repeating: " ", count: width - line.chars.count)
      }
      for chunk in above {
        for k in chunk.start..<chunk.end { line.chars[k] = out[j].chars[k] }
      }
      out[i] = line
      out[j].chars = []
      out[j].sourceColumns = out[j].sourceColumns.map { _ in [] }
    }
    return out
  }

  /// Splits `4,100,000.00 年度资金申请总额` and `阶段性项目 项目类别` at the single space
  /// (a number before a word of four or more characters, or any text before a field name).
  static func splitFields(_ chunk: LayoutChunk) -> [LayoutChunk] {
    let chars = Array(chunk.text)
    for (i, c) in chars.enumerated() where c == " " && i > 0 && i + 1 < chars.count {
      let left = String(chars[..<i])
      let right = String(chars[(i + 1)...])
      // (A unit or a date word after a number stays with it: `2022 年`, `30 万元`.)
      let leftIsNumber =
        left.allSatisfy { $0.isNumber || $0 == "," || $0 == "." || $0 == "-" }
        && isCJK(chars[i + 1]) && right.count >= 4
      let rightIsField = DialectWords.spacedFields.contains { right.hasPrefix($0) }
      if leftIsNumber || rightIsField {
        return [chunk.piece(0..<i)] + splitFields(chunk.piece((i + 1)..<chars.count))
      }
    }
    return [chunk]
  }

  /// Rows of the area above an indicator block (or of a page without one).
  static func formRows(_ lines: [LayoutLine], tableFollows: Bool) -> (
    before: [Segment], rows: [RawRow], after: [Segment]
  ) {
    var items: [(line: Int, chunks: [LayoutChunk])] = []
    for (i, line) in lines.enumerated() where !line.isBlank {
      items.append((i, line.chunks().flatMap(splitFields)))
    }
    let multi = items.indices.filter { items[$0].chunks.count >= 2 }
    guard let firstMulti = multi.first, let lastMulti = multi.last else {
      let paragraphs = items.map { item in
        Segment.paragraph(
          LayoutText.tidy(item.chunks.map(\.text).joined(separator: " ")),
          lines[item.line].location(item.chunks.first?.start ?? 0))
      }
      return (paragraphs, [], [])
    }
    let tableEnd = tableFollows ? items.count - 1 : lastMulti
    var before: [Segment] = []
    var after: [Segment] = []
    for item in items[..<firstMulti] {
      before.append(
        .paragraph(
          LayoutText.tidy(item.chunks.map(\.text).joined(separator: " ")),
          lines[item.line].location(item.chunks.first?.start ?? 0)))
    }
    if tableEnd + 1 < items.count {
      for item in items[(tableEnd + 1)...] {
        after.append(
          .paragraph(
            LayoutText.tidy(item.chunks.map(\.text).joined(separator: " ")),
            lines[item.line].location(item.chunks.first?.start ?? 0)))
      }
    }
    var rows: [RawRow] = []
    var body = Array(items[firstMulti...tableEnd])
    // A goals area: a row of two headings ending in 目标, the text below split at its gutter.
    // (`中期目标（2021 年—2023 年）`; a vertical label's first character may lead the line.)
    let goalsHeader = body.firstIndex { item in
      let headings = goalHeadings(item.chunks)
      return headings.count == 2 && headings.allSatisfy { isGoalHeading($0.text) }
    }
    let plainEnd = goalsHeader.map { $0 + 1 } ?? body.count
    // A unit under a label that leads a row (`项目资金` over `（万元）`) is the label's second
    // line.
    var units: [Int: String] = [:]
    for k in body.indices.dropFirst() where k < plainEnd {
      guard let unit = body[k].chunks.first, isUnitNote(unit.text),
        let label = body[k - 1].chunks.first, abs(label.start - unit.start) <= 3,
        label.text.count <= 8
      else { continue }
      units[k - 1] = unit.text
      body[k].chunks.removeFirst()
    }
    var goalLead: [String] = []
    if let goalsHeader, goalHeadings(body[goalsHeader].chunks).count == 2,
      body[goalsHeader].chunks.count == 3
    {
      // The vertical label's first character goes to the label cell.
      goalLead = [body[goalsHeader].chunks.removeFirst().text]
    }
    var k = 0
    while k < plainEnd {
      var item = body[k]
      let line = lines[item.line]
      if item.chunks.isEmpty || (k == goalsHeader && !goalLead.isEmpty) {
        k += 1
        continue
      }
      if let unit = units[k] {
        rows.append(row(item.chunks, line, unit: unit))
        k += 1
        continue
      }
      item = body[k]
      // A short lone chunk continued on the next lines (`项目资金` / `（元）`) is one cell.
      if item.chunks.count == 1, item.chunks[0].text.count <= 8 {
        var parts = [item.chunks[0].text]
        var last = item.line
        var j = k + 1
        var skipped: [(line: Int, chunks: [LayoutChunk])] = []
        while j < plainEnd, body[j].line - last <= 3 {
          let next = body[j]
          if next.chunks.count == 1, next.chunks[0].text.count <= 8,
            abs(next.chunks[0].center - item.chunks[0].center) <= 4
          {
            parts.append(next.chunks[0].text)
            last = next.line
          } else {
            skipped.append(next)
          }
          j += 1
          if parts.count > 1 && j < plainEnd && body[j].line - last > 3 { break }
        }
        if parts.count > 1 {
          var cell = RawCell(paragraphs: parts, location: line.location(item.chunks[0].start))
          cell.layoutStart = item.chunks[0].start
          rows.append(RawRow(cells: [cell], location: line.location(item.chunks[0].start)))
          // Rows that sat between the fragments come after the joined cell.
          for s in skipped { rows.append(row(s.chunks, lines[s.line])) }
          k = j
          continue
        }
      }
      rows.append(row(item.chunks, line))
      k += 1
    }
    if let goalsHeader, goalsHeader + 1 < body.count {
      rows += goalRows(
        header: goalHeadings(body[goalsHeader].chunks),
        lines: body[(goalsHeader + 1)...].map { lines[$0.line] }, label: goalLead,
        headingLine: goalLead.isEmpty ? nil : lines[body[goalsHeader].line])
    }
    return (before, rows, after)
  }

  /// The two headings of a goals line, without a leading one-character label.
  static func goalHeadings(_ chunks: [LayoutChunk]) -> [LayoutChunk] {
    if chunks.count == 3, chunks[0].text.count == 1 { return Array(chunks.dropFirst()) }
    return chunks
  }

  /// `项目总目标`, `年度目标`, `中期目标（2021 年—2023 年）`.
  static func isGoalHeading(_ text: String) -> Bool {
    let s = squeezed(text)
    if s.hasSuffix("目标") { return true }
    guard let open = s.firstIndex(where: { $0 == "（" || $0 == "(" }) else { return false }
    return s[..<open].hasSuffix("目标") && (s.hasSuffix("）") || s.hasSuffix(")"))
  }

  static let checkboxes: Set<Character> = ["□", "☑", "☐", "■", "√", "☒", "✓"]

  /// `（万元）`, `(元)`: a unit note printed under a label.
  static func isUnitNote(_ text: String) -> Bool {
    let s = squeezed(text)
    guard s.count <= 6, let first = s.first, let last = s.last else { return false }
    return (first == "（" || first == "(") && (last == "）" || last == ")")
  }

  static func row(_ chunks: [LayoutChunk], _ line: LayoutLine, unit: String? = nil) -> RawRow {
    // Checkbox options (`□新增项目    ☑延续项目`) are one cell.
    var merged: [LayoutChunk] = []
    for chunk in chunks {
      if let last = merged.last, let a = last.text.first, let b = chunk.text.first,
        checkboxes.contains(a), checkboxes.contains(b)
      {
        merged[merged.count - 1] = LayoutChunk(
          start: last.start, end: chunk.end, text: last.text + " " + chunk.text)
      } else {
        merged.append(chunk)
      }
    }
    var cells = merged.map {
      var cell = RawCell(paragraphs: [LayoutText.tidy($0.text)], location: line.location($0.start))
      cell.layoutStart = $0.start
      return cell
    }
    if let unit, !cells.isEmpty { cells[0].paragraphs.append(LayoutText.tidy(unit)) }
    return RawRow(cells: cells, location: line.location(merged.first?.start ?? 0))
  }

  /// The goals area: a label at the left edge (`项目` / `绩效` / `目标`) and two text columns
  /// whose lines interleave; each column's lines are joined into one cell.
  /// With `headingLine` and a `label` started on it, the headings' row is returned first,
  /// the label spanning both rows.
  static func goalRows(
    header: [LayoutChunk], lines: [LayoutLine], label: [String] = [],
    headingLine: LayoutLine? = nil
  ) -> [RawRow] {
    guard header.count == 2, let firstLine = lines.first else { return [] }
    let leftEdge = max(0, min(header[0].start - 12, 6))
    var labelParts: [String] = label
    var labelLocation: Location?
    var labelStart: Int?
    var contents: [(line: LayoutLine, chars: [Character], start: Int)] = []
    for line in lines where !line.isBlank {
      var chars = line.chars
      if let label = line.chunks().first, label.start <= leftEdge, label.text.count <= 4,
        line.chunks().count >= 1, label.end <= header[0].start
      {
        labelParts.append(label.text)
        if labelLocation == nil { labelLocation = line.location(label.start) }
        labelStart = min(labelStart ?? label.start, label.start)
        for i in label.start..<label.end { chars[i] = " " }
      }
      guard let start = chars.firstIndex(where: { $0 != " " }) else { continue }
      contents.append((line, chars, start))
    }
    // The gutter: the column where most lines have a space (or end) between the headings.
    let lo = Int(header[0].center)
    let hi = max(lo + 1, header[1].start)
    var bestGutter = (lo + hi) / 2
    var bestVotes = -1
    for b in lo..<hi {
      var votes = 0
      for c in contents {
        if c.start >= b - 2 || c.chars.count <= b { votes += 1; continue }
        let window = max(0, b - 2)...min(c.chars.count - 1, b + 2)
        if window.contains(where: { LayoutText.isSplitSpace(c.chars, $0) }) { votes += 1 }
      }
      if votes > bestVotes {
        bestVotes = votes
        bestGutter = b
      }
    }
    var left: [String] = []
    var right: [String] = []
    var leftLocation: Location?
    var rightLocation: Location?
    var leftStart: Int?
    var rightStart: Int?
    for c in contents {
      let end = c.chars.lastIndex(where: { $0 != " " }) ?? c.start
      if c.start >= bestGutter - 4 {
        right.append(String(c.chars[c.start...end]))
        if rightLocation == nil { rightLocation = c.line.location(c.start) }
        rightStart = min(rightStart ?? c.start, c.start)
        continue
      }
      let low = max(c.start, bestGutter - 5)
      let high = min(end, bestGutter + 5)
      let candidates =
        low <= high ? (low...high).filter { LayoutText.isSplitSpace(c.chars, $0) } : []
      if let split = candidates.min(by: { abs($0 - bestGutter) < abs($1 - bestGutter) }) {
        left.append(String(c.chars[c.start..<split]))
        let start = c.chars[split...].firstIndex { $0 != " " } ?? split
        right.append(String(c.chars[start...end]))
        if rightLocation == nil { rightLocation = c.line.location(start) }
        rightStart = min(rightStart ?? start, start)
      } else {
        left.append(String(c.chars[c.start...end]))
      }
      if leftLocation == nil { leftLocation = c.line.location(c.start) }
      leftStart = min(leftStart ?? c.start, c.start)
    }
    let fallback = firstLine.location(0)
    var cells: [RawCell] = []
    var headingRow: RawRow?
    if let headingLine, !label.isEmpty {
      // The label starts on the headings' line: it spans the headings and the text.
      let location = headingLine.location(0)
      var labelCell = RawCell(
        paragraphs: [labelParts.joined()], location: location, rowSpan: 2, column: 0)
      labelCell.layoutStart = labelStart ?? 0
      headingRow = RawRow(
        cells: [labelCell]
          + header.enumerated().map { i, chunk in
            var cell = RawCell(
              paragraphs: [LayoutText.tidy(chunk.text)],
              location: headingLine.location(chunk.start),
              column: i + 1)
            cell.layoutStart = chunk.start
            return cell
          }, location: location)
    } else if !labelParts.isEmpty {
      var labelCell = RawCell(
        paragraphs: [labelParts.joined()], location: labelLocation ?? fallback)
      labelCell.layoutStart = labelStart
      cells.append(labelCell)
    }
    let hinted = headingRow != nil
    var leftCell = RawCell(
      paragraphs: left.isEmpty ? [] : [LayoutText.joinWrapped(left)],
      location: leftLocation ?? fallback, column: hinted ? 1 : nil)
    leftCell.layoutStart = leftStart ?? header[0].start
    var rightCell = RawCell(
      paragraphs: right.isEmpty ? [] : [LayoutText.joinWrapped(right)],
      location: rightLocation ?? fallback, column: hinted ? 2 : nil)
    rightCell.layoutStart = rightStart ?? header[1].start
    cells += [leftCell, rightCell]
    let textRow = RawRow(cells: cells, location: labelLocation ?? leftLocation ?? fallback)
    return (headingRow.map { [$0] } ?? []) + [textRow]
  }
}
