import TablemendModel

/// Pages of glyphs and rulings to blocks: ruled tables as `Table` grids with their spans,
/// the text outside them as paragraphs, in reading order; tables that run onto the next page
/// joined into one.
///
/// Pure geometry: it never runs a program and can be fed hand-built pages.
public struct PDFTableReader: Sendable {
  /// Snaps and merges the rulings of each page.
  public var snapper: RulingSnapper
  /// Finds the ruled tables among them.
  public var finder: LatticeFinder
  /// Guesses tables without rulings in the text outside ruled ones; nil reads that text as
  /// paragraphs only.
  public var streamFinder: StreamTableFinder?
  /// Finds text drawn struck through (a print's tracked deletions), left out; nil keeps it.
  public var struckText: StruckText?
  /// Bounds on tables.
  public var limits: Limits

  /// Makes a reader.
  public init(
    snapper: RulingSnapper = RulingSnapper(), finder: LatticeFinder = LatticeFinder(),
    streamFinder: StreamTableFinder? = StreamTableFinder(),
    struckText: StruckText? = StruckText(), limits: Limits = .standard
  ) {
    self.snapper = snapper
    self.finder = finder
    self.streamFinder = streamFinder
    self.struckText = struckText
    self.limits = limits
  }

  /// The blocks and diagnostics of `pages`, tables numbered `t1`, `t2`, … in order.
  public func read(_ pages: [PageContent]) -> (blocks: [Block], diagnostics: [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    var items: [PageItem] = []
    for page in pages {
      let read = self.items(on: page)
      diagnostics += read.diagnostics
      items += read.items
    }
    let joined = TableContinuation.join(items)
    diagnostics += joined.diagnostics
    var blocks: [Block] = []
    var tableNumber = 0
    for item in joined.items {
      switch item.kind {
      case .paragraph(let text):
        blocks.append(.paragraph(text, .pdf(page: item.page, box: item.box)))
      case .table(var part):
        tableNumber += 1
        part.table.id = "t\(tableNumber)"
        blocks.append(.table(part.table))
      }
    }
    return (blocks, diagnostics)
  }

  /// One page's tables and paragraphs, top to bottom, and what could not be read on it.
  func items(on page: PageContent) -> (items: [PageItem], diagnostics: [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    let pageBox = Box(x0: 0, y0: 0, x1: page.width, y1: page.height)
    if page.unmappedGlyphs > 0 {
      diagnostics.append(
        Diagnostic(
          .warning, "pdf-unmapped-glyphs",
          "page \(page.number): \(page.unmappedGlyphs) characters are drawn with a font that "
            + "gives no Unicode text; they are left out (the page's text is incomplete)",
          at: .pdf(page: page.number, box: pageBox)))
    }
    if page.glyphs.isEmpty {
      if page.imageCount > 0 {
        diagnostics.append(
          Diagnostic(
            .warning, "pdf-scanned-page",
            "page \(page.number) has images and no text layer (a scan?); it is not read "
              + "(no OCR)", at: .pdf(page: page.number, box: pageBox)))
      }
      return ([], diagnostics)
    }
    var glyphs = page.glyphs
    var rulings = snapper.snap(page.rulings)
    if let struckText {
      let kept = struckText.removing(glyphs: glyphs, rulings: rulings)
      glyphs = kept.glyphs
      rulings = kept.rulings
      if kept.struck > 0 {
        diagnostics.append(
          Diagnostic(
            .warning, "pdf-struck-text",
            "page \(page.number): \(kept.struck) characters are drawn struck through (deleted "
              + "text, as a print of tracked changes shows it); they are left out",
            at: .pdf(page: page.number, box: pageBox)))
      }
    }
    let lattices = finder.tables(in: rulings, glyphs: glyphs)
    var cellGlyphs = lattices.map { [[Glyph]](repeating: [], count: $0.cells.count) }
    var free: [Glyph] = []
    // A glyph belongs to the smallest table that holds it: a table drawn inside another's
    // cell (a nested table) takes its own text, and the cell keeps the text around it.
    let innermostFirst = lattices.indices.sorted {
      (lattices[$0].box.width * lattices[$0].box.height, $0)
        < (lattices[$1].box.width * lattices[$1].box.height, $1)
    }
    for glyph in glyphs {
      var placed = false
      for t in innermostFirst {
        if let index = lattices[t].cellIndex(x: glyph.centreX, y: glyph.centreY) {
          cellGlyphs[t][index].append(glyph)
          placed = true
          break
        }
      }
      if !placed { free.append(glyph) }
    }
    var items: [PageItem] = []
    for (t, lattice) in lattices.enumerated() {
      guard cellGlyphs[t].contains(where: { !$0.isEmpty }) else { continue }
      guard lattice.cells.count <= limits.maxCellsPerTable,
        lattice.rowCount <= limits.maxRowsPerTable
      else {
        diagnostics.append(
          Diagnostic(
            .error, "pdf-table-too-large",
            "page \(page.number): a ruled table of \(lattice.rowCount) rows and "
              + "\(lattice.cells.count) cells is over the limits (maxRowsPerTable, "
              + "maxCellsPerTable); it is left out", at: .pdf(page: page.number, box: lattice.box)))
        continue
      }
      let cells = lattice.cells.enumerated().map { index, cell in
        let text = GlyphLines.joined(GlyphLines.lines(cellGlyphs[t][index]).map(\.text))
        return Cell(
          row: cell.row, column: cell.column, rowSpan: cell.rowSpan, columnSpan: cell.columnSpan,
          paragraphs: text.isEmpty ? [] : [text], location: .pdf(page: page.number, box: cell.box))
      }
      let table = Table(
        id: "", rowCount: lattice.rowCount, columnCount: lattice.columnCount, cells: cells)
      items.append(
        PageItem(
          page: page.number, box: lattice.box,
          kind: .table(
            TablePart(
              table: table, xs: lattice.xs, openTop: lattice.openTop,
              openBottom: lattice.openBottom))))
    }
    let groups = GlyphLines.groups(free)
    var taken = Set<Int>()
    for found in streamFinder?.tables(in: groups) ?? [] {
      taken.formUnion(found.lines)
      let columns = found.xs.count - 1
      let rows = found.ys.count - 1
      var cells: [Cell] = []
      for r in 0..<rows {
        for c in 0..<columns {
          let text = GlyphLines.joined(
            GlyphLines.lines(found.slots[r * columns + c]).map(\.text))
          let box = Box(x0: found.xs[c], y0: found.ys[r], x1: found.xs[c + 1], y1: found.ys[r + 1])
          cells.append(
            Cell(
              row: r, column: c, paragraphs: text.isEmpty ? [] : [text],
              location: .pdf(page: page.number, box: box), inferred: ["rowSpan", "columnSpan"]))
        }
      }
      let table = Table(id: "", rowCount: rows, columnCount: columns, cells: cells)
      let box = Box(
        x0: found.xs[0], y0: found.ys[0], x1: found.xs[columns], y1: found.ys[rows])
      items.append(
        PageItem(page: page.number, box: box, kind: .table(TablePart(table: table, xs: found.xs))))
      diagnostics.append(
        Diagnostic(
          .warning, "pdf-stream-table",
          "page \(page.number): a table without rulings (\(rows) rows, \(columns) columns) is "
            + "guessed from the gaps between words, one row per line: wrapped cells are not "
            + "joined and merged cells are not found", at: .pdf(page: page.number, box: box)))
    }
    for (index, group) in groups.enumerated() where !taken.contains(index) {
      guard let line = GlyphLines.line(group) else { continue }
      items.append(PageItem(page: page.number, box: line.box, kind: .paragraph(line.text)))
    }
    for index in items.indices { items[index].pageHeight = page.height }
    items.sort { ($0.box.y0, $0.box.x0) < ($1.box.y0, $1.box.x0) }
    return (items, diagnostics)
  }
}

/// A table or a line of text placed on a page.
struct PageItem: Sendable {
  enum Kind: Sendable {
    case paragraph(String)
    case table(TablePart)
  }

  var page: Int
  var box: Box
  var kind: Kind
  /// The height of its page, in points (0 when unknown).
  var pageHeight: Double = 0
}

/// A ruled table as read from one page (or several, once joined), with its column lines.
struct TablePart: Sendable {
  var table: Table
  /// The column lines of its last page's part.
  var xs: [Double]
  /// Its first part's top edge is mostly undrawn (its first row may be a cut row's rest).
  var openTop = false
  /// Its last part's bottom edge is mostly undrawn (its last row may run on).
  var openBottom = false
}
