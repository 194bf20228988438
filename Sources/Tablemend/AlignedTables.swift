import TablemendAlign
import TablemendModel
import TablemendText
import TablemendVocabulary

/// Puts the typed row aligner's blocks into a text export's tables: the rows a dialect read
/// between a block's header and its last cell are replaced by the aligned grid (a header row
/// naming each column, one row per aligned row, a 一级 or 二级 label that a merged cell printed
/// once spanning the rows that inherit it), so the tables say what the indicators were read
/// from and the forms stage reads fields only outside the blocks.
enum AlignedTables {
  /// `tokens` with each block's rows replaced by its aligned grid.
  static func substitute(_ tokens: TokenizedText, _ blocks: [AlignedBlock]) -> TokenizedText {
    guard !blocks.isEmpty else { return tokens }
    // A cell that starts between the block's first cell and its last is the block's.
    let ranges = blocks.map { (start: $0.start, end: $0.end) }
    /// The block a position falls in, if any: the last block starting at or before it (blocks
    /// are in text order and do not overlap), when it has not ended yet.
    func zone(_ location: Location) -> Int? {
      var low = 0
      var high = ranges.count
      while low < high {
        let mid = (low + high) / 2
        if before(ranges[mid].start, location) { low = mid + 1 } else { high = mid }
      }
      let k = low - 1
      return k >= 0 && before(location, ranges[k].end) ? k : nil
    }
    var emitted = Set<Int>()
    var segments: [Segment] = []
    var diagnostics = tokens.diagnostics
    for segment in tokens.segments {
      switch segment {
      case .paragraph(_, let location):
        if zone(location) == nil { segments.append(segment) }
      case .rows(let rows):
        var out: [RawRow] = []
        for row in rows {
          // Cells in runs by the block they fall in (nil: outside every block).
          var run: [RawCell] = []
          var runZone: Int?
          func flush() {
            defer { run = [] }
            guard !run.isEmpty else { return }
            if let k = runZone {
              if emitted.insert(k).inserted {
                let (aligned, inferredHeader) = grid(blocks[k])
                out += aligned
                if inferredHeader {
                  diagnostics.append(
                    Diagnostic(
                      .info, "indicator-header-inferred",
                      "this indicator block has no header row; the aligner's columns are written "
                        + "as one", at: blocks[k].location))
                }
              }
            } else {
              out.append(RawRow(cells: run, location: run[0].location, afterBreak: row.afterBreak))
            }
          }
          for cell in row.cells {
            let z = zone(cell.location)
            if z != runZone {
              flush()
              runZone = z
            }
            run.append(cell)
          }
          flush()
        }
        if !out.isEmpty { segments.append(.rows(out)) }
      }
    }
    return TokenizedText(dialect: tokens.dialect, segments: segments, diagnostics: diagnostics)
  }

  /// True when `a` comes at or before `b` in the text.
  static func before(_ a: Location, _ b: Location) -> Bool {
    (a.line, a.column) <= (b.line, b.column)
  }

  /// The header words written for columns a header did not name (a headerless block, or a sign
  /// or unit column the template added).
  static let defaultLabels: [ColumnRole: String] = [
    .level1: "一级指标", .level2: "二级指标", .level3: "三级指标", .op: "指标性质", .target: "指标值",
    .unit: "计量单位", .note: "备注", .result: "实际完成值", .weight: "分值", .score: "得分",
    .reason: "偏差原因",
  ]

  /// One block as rows: the header, then the aligned rows; and whether the header was made up.
  static func grid(_ block: AlignedBlock) -> ([RawRow], Bool) {
    let template = block.template
    // Columns a header named or a cell filled; the sign, unit and other columns the template
    // only offered are left out when nothing went there.
    let used = Set(block.grid.flatMap(\.keys))
    let columns = template.roles.indices.filter {
      used.contains($0) || (template.fromHeader && !template.labels[$0].isEmpty)
        || [.level1, .level2, .level3].contains(template.roles[$0])
    }
    let position = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
    let headerLocation = block.header.first?.location ?? block.location
    var header: [RawCell] = []
    for (n, c) in columns.enumerated() {
      let label =
        template.labels[c].isEmpty ? (defaultLabels[template.roles[c]] ?? "") : template.labels[c]
      let printed = block.header.first { LabelFolding.display($0.text) == template.labels[c] }
      var cell = RawCell(
        paragraphs: [label], location: printed?.location ?? headerLocation, columnSpan: 1,
        rowSpan: 1, column: n)
      if printed == nil { cell.inferred = ["text"] }
      header.append(cell)
    }
    var rows: [RawRow] = [RawRow(cells: header, location: headerLocation)]
    // The label cell last written in each level column, as (row, cell) in `rows`.
    var owner: [Int: (row: Int, cell: Int)] = [:]
    let levelColumns = Set(
      columns.filter {
        [.level1, .level2].contains(template.roles[$0]) || $0 < template.level1Column
      })
    for placed in block.grid where !placed.isEmpty {
      var cells: [RawCell] = []
      for c in columns {
        guard let n = position[c] else { continue }
        if let cell = placed[c] {
          cells.append(
            RawCell(
              paragraphs: [cell.text], location: cell.location, columnSpan: 1, rowSpan: 1,
              column: n))
          if levelColumns.contains(c) { owner[c] = (rows.count, cells.count - 1) }
        } else if levelColumns.contains(c), placed.keys.contains(where: { $0 > c }),
          let above = owner[c],
          rows[above.row].cells[above.cell].rowSpan.map({ above.row + $0 == rows.count }) == true
        {
          // Covered by the label printed above: that cell spans this row too.
          rows[above.row].cells[above.cell].rowSpan =
            (rows[above.row].cells[above.cell].rowSpan ?? 1) + 1
          if !rows[above.row].cells[above.cell].inferred.contains("rowSpan") {
            rows[above.row].cells[above.cell].inferred.append("rowSpan")
          }
        }
      }
      guard let lead = cells.first else { continue }
      rows.append(RawRow(cells: cells, location: lead.location))
    }
    return (rows, block.header.isEmpty)
  }
}
