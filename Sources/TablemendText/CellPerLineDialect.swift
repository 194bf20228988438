import TablemendModel

/// One cell per line (seed 002, Apache Tika's text output of DOCX tables): a line that starts
/// with a tab opens a cell, a line without one is another paragraph of the open cell, and an
/// empty line ends the row. Lines without a tab outside any row are paragraphs.
public enum CellPerLineDialect: TextDialect {
  public static let name = "cell-per-line"

  public static func score(_ lines: [Substring]) -> Double {
    var tabbed = 0
    var single = 0
    var blank = 0
    for line in lines {
      if line.isEmpty {
        blank += 1
        continue
      }
      guard line.has("\t") else { continue }
      tabbed += 1
      if line.first == "\t" && line.dropFirst().has("\t") == false { single += 1 }
    }
    guard tabbed >= 4, blank > 0 else { return 0 }
    return Double(single) / Double(tabbed) * 0.95
  }

  public static func tokenize(_ lines: [Substring], limits: Limits) throws(TextError)
    -> TokenizedText
  {
    var segments: [Segment] = []
    var rows: [RawRow] = []
    var cells: [RawCell] = []
    var open: (paragraphs: [Substring], location: Location)?
    var cleaner = CellCleaner()

    func closeCell() {
      if let o = open {
        cells.append(
          RawCell(paragraphs: cleaner.clean(o.paragraphs, at: o.location), location: o.location))
        open = nil
      }
    }
    func closeRow() {
      closeCell()
      if !cells.isEmpty, let first = cells.first {
        rows.append(RawRow(cells: cells, location: first.location))
      }
      cells = []
    }
    func closeTable() {
      closeRow()
      if !rows.isEmpty { segments.append(.rows(rows)) }
      rows = []
    }

    for (index, line) in lines.enumerated() {
      let number = index + 1
      if line.isEmpty {
        closeRow()
        continue
      }
      if line.first == "\t" {
        closeCell()
        let body = line.dropFirst()
        // A further tab inside the line would be a tab inside the cell; keep it as a space.
        open = ([body], Location(line: number, column: 2))
        continue
      }
      if open != nil {
        open?.paragraphs.append(line)
        continue
      }
      if !cells.isEmpty {
        // Text after a closed cell in the same row: another paragraph of the last cell.
        var last = cells.removeLast()
        last.paragraphs += cleaner.clean([line], at: Location(line: number, column: 1))
        cells.append(last)
        continue
      }
      closeTable()
      let text = cleaner.clean([line], at: Location(line: number, column: 1))
        .joined(separator: " ")
      if text.isEmpty { continue }
      segments.append(.paragraph(text, Location(line: number, column: 1)))
    }
    closeTable()
    return TokenizedText(dialect: name, segments: segments, diagnostics: cleaner.diagnostics())
  }
}
