import TablemendModel
import TablemendVocabulary

/// The vertical geometry of an indicator block in layout text: the header rows one unit each,
/// then each row as tall as its most wrapped cell. Merged labels are placed against it.
struct LayoutBlockGeometry {
  /// The rows' extents: the header rows, then the data rows.
  let extents: [CentredSpans.RowExtent]
  let headerRows: Int
  /// Lines the header takes.
  let headerLineCount: Int
  let rows: [LayoutIndicatorBlock.Row]
  /// The bottom of the last row.
  let height: Double

  init(headerRows: Int, headerLineCount: Int, rows: [LayoutIndicatorBlock.Row]) {
    var extents: [CentredSpans.RowExtent] = (0..<headerRows).map {
      CentredSpans.RowExtent(top: Double($0 - headerRows), bottom: Double($0 - headerRows + 1))
    }
    var y = 0.0
    for row in rows {
      extents.append(CentredSpans.RowExtent(top: y, bottom: y + Double(row.height)))
      y += Double(row.height)
    }
    self.extents = extents
    self.headerRows = headerRows
    self.headerLineCount = headerLineCount
    self.rows = rows
    self.height = y
  }

  /// Where a printed line sits: inside the header, inside a row in proportion to its lines,
  /// or on the border between rows.
  func position(ofLine line: Int) -> Double {
    if line < headerLineCount { return -Double(headerRows) + 0.5 }
    for (r, row) in rows.enumerated() {
      let top = extents[headerRows + r].top
      if line < row.top { return top }
      if line <= row.bottom {
        let fraction = (Double(line - row.top) + 0.5) / Double(row.bottom - row.top + 1)
        return top + fraction * Double(rows[r].height)
      }
    }
    return height
  }

  /// The output row a label printed on `line` starts in, when it sits on a row's first line.
  func topRow(ofLine line: Int) -> Int? {
    if line < headerLineCount { return 0 }
    return rows.firstIndex { $0.top == line }.map { $0 + headerRows }
  }

  /// A label's vertical centre.
  func centre(_ label: LayoutIndicatorBlock.Label) -> Double {
    (position(ofLine: label.firstLine) + position(ofLine: label.lastLine)) / 2
  }
}

/// Where each merged label goes: the output row it starts in and how many rows it spans.
struct LayoutLabelSpans {
  /// column → first row → (rows spanned, label).
  var starts: [Int: [Int: (span: Int, label: LayoutIndicatorBlock.Label)]] = [:]
  /// column → rows some label covers.
  var covered: [Int: Set<Int>] = [:]
  var diagnostics: [Diagnostic] = []
}

extension LayoutIndicatorBlock {
  /// The label fragments of each label column, joined where a label was broken over lines
  /// (within two lines of each other, the first not yet ending in 标).
  func labels(_ placed: [Placed], _ kinds: LayoutBlockColumns) -> [Int: [Label]] {
    var labels: [Int: [Label]] = [:]
    for c in kinds.labelColumns {
      var list: [Label] = []
      for p in placed where p.column == c {
        let text = p.chunk.text
        if var last = list.last, p.line - last.lastLine <= 2,
          !last.parts.joined().hasSuffix("标")
        {
          last.parts.append(text)
          last.lastLine = p.line
          list[list.count - 1] = last
        } else {
          list.append(
            Label(
              firstLine: p.line, lastLine: p.line, parts: [text],
              location: lines[p.line].location(p.chunk.start)))
        }
      }
      labels[c] = list
    }
    return labels
  }

  /// The spans of the labels of every label column, parents first: each label goes to the
  /// scope (a span of its parent column) nearest its centre, and within a scope the labels
  /// share the rows: top-aligned labels from their own row to the next one's, centred labels
  /// by `CentredSpans` (a row whose 二级 the taxonomy puts under another 一级 counts against a
  /// 一级 label). More labels than rows are joined into the last (`layout-labels-merged`).
  static func labelSpans(
    _ labels: [Int: [Label]], _ kinds: LayoutBlockColumns, _ geometry: LayoutBlockGeometry,
    _ placed: [Placed]
  ) -> LayoutLabelSpans {
    let extents = geometry.extents
    let headerRows = geometry.headerRows
    var out = LayoutLabelSpans()
    var spansOf: [Int: [Range<Int>]] = [0: [0..<extents.count]]
    for c in kinds.labelColumns {
      let parents =
        c == 0
        ? [0..<extents.count] : (spansOf[kinds.parentOf[c] ?? 0] ?? [0..<extents.count])
      let columnLabels = labels[c] ?? []
      guard !columnLabels.isEmpty else {
        spansOf[c] = parents
        continue
      }
      // A child label's scope starts below the header rows (a parent span that lies within
      // them leaves none).
      let scopes = parents.map { span -> Range<Int> in
        guard c != 0 else { return span }
        let lower = max(span.lowerBound, headerRows)
        return lower < span.upperBound ? lower..<span.upperBound : span.upperBound..<span.upperBound
      }.filter { !$0.isEmpty }
      var byScope: [[Label]] = Array(repeating: [], count: scopes.count)
      for label in columnLabels {
        var best = 0
        var bestDistance = Double.greatestFiniteMagnitude
        for (s, scope) in scopes.enumerated() {
          let top = extents[scope.lowerBound].top
          let bottom = extents[scope.upperBound - 1].bottom
          let c = geometry.centre(label)
          let d = c < top ? top - c : max(0, c - bottom)
          if d < bestDistance {
            best = s
            bestDistance = d
          }
        }
        if !scopes.isEmpty { byScope[best].append(label) }
      }
      var spans: [Range<Int>] = []
      for (s, scope) in scopes.enumerated() {
        var scoped = byScope[s].sorted { $0.firstLine < $1.firstLine }
        guard !scoped.isEmpty else {
          spans.append(scope)
          continue
        }
        let extentsInScope = Array(extents[scope])
        if scoped.count > extentsInScope.count {
          let extra = scoped[extentsInScope.count...].flatMap(\.parts)
          scoped = Array(scoped.prefix(extentsInScope.count))
          scoped[scoped.count - 1].parts += extra
          out.diagnostics.append(
            Diagnostic(
              .warning, "layout-labels-merged",
              "more merged labels than rows in this column; the extra labels were joined",
              at: scoped[scoped.count - 1].location))
        }
        let penalties =
          scope.lowerBound >= headerRows
          ? contradictionPenalties(scoped, column: c, scope: scope, kinds, geometry, placed)
          : nil
        let parts =
          Self.topAlignedParts(scoped.map { geometry.topRow(ofLine: $0.firstLine) }, scope: scope)
          ?? CentredSpans.partition(
            rows: extentsInScope, centres: scoped.map(geometry.centre), penalties: penalties
          ).map {
            ($0.lowerBound + scope.lowerBound)..<($0.upperBound + scope.lowerBound)
          }
        for (label, absolute) in zip(scoped, parts) {
          spans.append(absolute)
          out.starts[c, default: [:]][absolute.lowerBound] = (absolute.count, label)
          out.covered[c, default: []].formUnion(absolute)
        }
      }
      spansOf[c] = spans
    }
    return out
  }

  /// For each label of a column and each row of its scope, 1 when a 二级 label printed on that
  /// row is one the taxonomy puts under another 一级 than the label (centred labels over rows of
  /// unequal height are ambiguous by position alone), else 0.
  static func contradictionPenalties(
    _ labels: [Label], column c: Int, scope: Range<Int>, _ kinds: LayoutBlockColumns,
    _ geometry: LayoutBlockGeometry, _ placed: [Placed]
  ) -> [[Double]] {
    let children = kinds.labelColumns.filter { kinds.parentOf[$0] == c && $0 != c }
    let level2ByRow: [[String]] = scope.map { r in
      let row = geometry.rows[r - geometry.headerRows]
      return placed.filter {
        children.contains($0.column) && (row.top...row.bottom).contains($0.line)
      }.map(\.chunk.text)
    }
    return labels.map { label in
      let level1 = label.parts.joined()
      return level2ByRow.map { texts in
        texts.contains { LevelLabels.contradicts(level1: level1, level2: $0) } ? 1 : 0
      }
    }
  }
}
