import Foundation
import TablemendModel

/// A small strict scanner for worksheet parts, the fast path of `XLSXReader` in front of
/// libxml2.
///
/// It reads the plain XML that spreadsheet writers put out (elements, attributes, text, the five
/// predefined entities and character references, namespace prefixes declared in scope) and
/// gives the `Sheet` that `XLSXReader`'s libxml2 handler gives for the same bytes, with the same
/// cell texts (`SheetCellText`). At the first thing it does not fully understand — a comment,
/// CDATA, a processing instruction, a DOCTYPE, an unknown entity, an encoding other than
/// UTF-8, a prefixed element the handler would act on, a limit, anything malformed — it gives
/// up (`feed` returns false, `finish` nil) and the caller reads the part with libxml2, so
/// results and error messages never depend on it. It never reads outside the bytes it is given.
///
/// Fed the part in pieces (`feed`); only an unfinished token is kept between pieces. The cells'
/// text is made on a second thread (`CellTextWorker`).
struct WorksheetScanner {
  /// Thrown inside the scanner when it gives up.
  private struct GiveUp: Error {}

  /// The most bytes kept between pieces (one unfinished token); past it the scanner gives up.
  static let maxPending = 4 << 20
  /// Deepest nesting read (libxml2's own limit without XML_PARSE_HUGE is 256).
  static let maxDepth = 250

  private enum Place { case start, prolog, body, epilog }
  private enum Element { case row, cell, value, inlineString, t, rPh, mergeCell, col, other }

  /// Makes the cells' text on the second core (`RawCellBatch`es handed over as they fill).
  private let worker: WorkerHandle
  private var batch = RawCellBatch()
  private let maxDepth: Int
  private var sheet = Sheet(name: "")
  private var place = Place.start
  private var pending: [UInt8] = []
  private var failed = false

  // Open elements: their qualified names one after the other in `names` up to `namesEnd` (the
  // array keeps its length), each one's length in `nameLengths`.
  private var names: [UInt8] = []
  private var namesEnd = 0
  private var nameLengths: [Int] = []
  /// What each open element is, in the same order.
  private var elements: [Element] = []
  // Namespace prefixes declared in scope: their bytes in `prefixes`, each one's end there and
  // the depth of the element that declares it.
  private var prefixes: [UInt8] = []
  private var prefixScopes: [(end: Int, depth: Int)] = []
  // The current start tag's attributes: name start, colon (or -1), name end, value start, end.
  private var attributes: [(name: Int, colon: Int, nameEnd: Int, value: Int, valueEnd: Int)] = []
  // The values of its unprefixed `r`, `s` and `t` attributes (the first of each), looked up for
  // every cell.
  private var shortAttributes: (r: Range<Int>?, s: Range<Int>?, t: Range<Int>?) = (nil, nil, nil)

  // The libxml2 handler's state, the same variables.
  private var row = -1
  private var column = -1
  private var kind = SheetCellText.Kind.number
  private var style = 0
  private var value: [UInt8] = []
  private var inline: [UInt8] = []
  private var inValue = false
  private var inInlineText = false
  private var inInline = false
  private var phonetic = 0
  private var inCell = false

  /// A scanner whose cells' text is made on a second thread and handed to `collector` (or,
  /// batch by batch, to `forward`: see `CellTextWorker.init`).
  init(
    strings: [String], styles: XLSXReader.Styles, date1904: Bool, limits: Limits,
    collector: SheetCellCollector = .keepingAll,
    forward: (@Sendable ([SheetCell]) -> Bool)? = nil
  ) {
    worker = WorkerHandle(
      CellTextWorker(
        cellText: SheetCellText(strings: strings, styles: styles, date1904: date1904),
        maxCells: limits.maxCellsPerTable * 4, collector: collector, forward: forward))
    batch.cells.reserveCapacity(RawCellBatch.size)
    maxDepth = min(limits.maxXMLDepth, Self.maxDepth)
  }

  /// Reads the next piece of the part. Returns false once the scanner has given up (the
  /// caller should stop feeding it and read the part with libxml2).
  mutating func feed(_ piece: UnsafeRawBufferPointer) -> Bool {
    guard !failed else { return false }
    do throws(GiveUp) {
      if pending.isEmpty {
        let bytes = piece.bindMemory(to: UInt8.self)
        let used = try scan(bytes, final: false)
        if used < bytes.count { pending.append(contentsOf: bytes[used...]) }
      } else {
        pending.append(contentsOf: piece.bindMemory(to: UInt8.self))
        var buffer: [UInt8] = []
        swap(&buffer, &pending)
        let used = try buffer.withUnsafeBufferPointer { (bytes) throws(GiveUp) in
          try scan(bytes, final: false)
        }
        buffer.removeSubrange(0..<used)
        swap(&buffer, &pending)
      }
      if pending.count > Self.maxPending { throw GiveUp() }
      return true
    } catch {
      failed = true
      pending = []
      worker.worker.cancel()
      return false
    }
  }

  /// The sheet once the whole part has been fed, or nil when the scanner gave up or the part
  /// is not a complete document (or its cells were summarised: see `finishCollected`).
  mutating func finish() -> Sheet? {
    guard let (sheet, outcome) = finishCollected(), case .cells(let cells) = outcome else {
      return nil
    }
    var whole = sheet
    whole.cells = cells
    return whole
  }

  /// The sheet without its cells and what the collector made of them, once the whole part has
  /// been fed (and every batch forwarded); nil when the scanner gave up or the part is not a
  /// complete document.
  mutating func finishCollected() -> (sheet: Sheet, cells: SheetCellCollector.Outcome)? {
    guard !failed else { return nil }
    do throws(GiveUp) {
      var buffer: [UInt8] = []
      swap(&buffer, &pending)
      let used = try buffer.withUnsafeBufferPointer { (bytes) throws(GiveUp) in
        try scan(bytes, final: true)
      }
      guard used == buffer.count, place == .epilog else { throw GiveUp() }
    } catch {
      failed = true
      worker.worker.cancel()
      return nil
    }
    worker.worker.submit(batch)
    batch = RawCellBatch()
    guard let outcome = worker.worker.finish() else {
      failed = true
      return nil
    }
    return (sheet, outcome)
  }

  /// Ends the worker's thread when the scanner goes away without `finish` or a failed `feed`.
  private final class WorkerHandle {
    let worker: CellTextWorker
    init(_ worker: CellTextWorker) { self.worker = worker }
    deinit { worker.cancel() }
  }

  /// Reads tokens from `b`; returns how many bytes it used (the rest is an unfinished token,
  /// kept for the next piece unless `final`).
  private mutating func scan(_ b: UnsafeBufferPointer<UInt8>, final: Bool) throws(GiveUp) -> Int {
    let n = b.count
    var i = 0
    if place == .start {
      // A UTF-8 byte-order mark, then an XML declaration.
      if n < 3 && !final { return 0 }
      if n >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { i = 3 }
      if n - i < 6 && !final { return 0 }
      if n - i >= 6, b[i] == UInt8(ascii: "<"), b[i + 1] == UInt8(ascii: "?") {
        guard let end = try Self.declaration(b, i) else {
          if final { throw GiveUp() }
          return 0
        }
        i = end
      }
      place = .prolog
    }
    while i < n {
      if b[i] == UInt8(ascii: "<") {
        guard let next = try tag(b, i) else {
          if final { throw GiveUp() }
          return i
        }
        i = next
      } else {
        guard let base = b.baseAddress else { throw GiveUp() }
        let end: Int
        if let found = memchr(base + i, Int32(UInt8(ascii: "<")), n - i) {
          end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        } else {
          if !final { return i }
          end = n
        }
        try text(b, i, end)
        i = end
      }
    }
    return n
  }

  // MARK: - Tokens

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
  }

  /// `[A-Za-z_]`: bit `byte - 64` of `nameBytesHigh`.
  private static func isNameStart(_ byte: UInt8) -> Bool {
    byte >= 64 && byte < 128 && (nameBytesHigh >> UInt64(byte - 64)) & 1 == 1
  }

  /// The name bytes `- . 0-9 :` among the bytes 0…63, by bit.
  private static let nameBytesLow: UInt64 = 0x07FF_6000_0000_0000
  /// The name bytes `A-Z _ a-z` among the bytes 64…127, by bit (`byte - 64`).
  private static let nameBytesHigh: UInt64 = 0x07FF_FFFE_87FF_FFFE

  /// `[A-Za-z0-9_.:-]`.
  private static func isNameByte(_ byte: UInt8) -> Bool {
    byte < 64
      ? (nameBytesLow >> UInt64(byte)) & 1 == 1
      : byte < 128 && (nameBytesHigh >> UInt64(byte - 64)) & 1 == 1
  }

  /// An ASCII name from `i`: its end and its colon (-1 when none); nil when the bytes end
  /// first. Gives up on anything but `[A-Za-z_][A-Za-z0-9_.-]*` with at most one inner colon.
  private static func name(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) throws(GiveUp) -> (
    end: Int, colon: Int
  )? {
    let n = b.count
    guard i < n else { return nil }
    guard isNameStart(b[i]) else { throw GiveUp() }
    var j = i + 1
    var colon = -1
    while j < n, isNameByte(b[j]) {
      if b[j] == UInt8(ascii: ":") {
        guard colon < 0, j + 1 < n, isNameStart(b[j + 1]) else {
          if colon < 0, j + 1 == n { return nil }
          throw GiveUp()
        }
        colon = j
      }
      j += 1
    }
    guard j < n else { return nil }
    guard j - i <= 256 else { throw GiveUp() }
    return (j, colon)
  }

  /// `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` at `i` (every part but the
  /// version optional, nothing else accepted): the index after it, nil when the bytes end.
  private static func declaration(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) throws(GiveUp)
    -> Int?
  {
    let n = b.count
    var j = i
    func literal(_ text: StaticString) throws(GiveUp) -> Bool {
      let count = text.utf8CodeUnitCount
      for k in 0..<count {
        guard j + k < n else { return false }
        guard b[j + k] == text.utf8Start[k] else { throw GiveUp() }
      }
      j += count
      return true
    }
    func spaces() -> Int {
      let start = j
      while j < n, isSpace(b[j]) { j += 1 }
      return j - start
    }
    // `name = "value"`: the value's range.
    func pair(_ key: StaticString) throws(GiveUp) -> Range<Int>? {
      guard try literal(key) else { return nil }
      _ = spaces()
      guard try literal("=") else { return nil }
      _ = spaces()
      guard j < n else { return nil }
      let quote = b[j]
      guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { throw GiveUp() }
      let start = j + 1
      var end = start
      while end < n, b[end] != quote {
        guard end - start < 32 else { throw GiveUp() }
        end += 1
      }
      guard end < n else { return nil }
      j = end + 1
      return start..<end
    }
    // `text` exactly, or with its ASCII letters in either case.
    func same(_ range: Range<Int>, _ text: StaticString, anyCase: Bool = false) -> Bool {
      guard range.count == text.utf8CodeUnitCount else { return false }
      for (k, at) in range.enumerated() {
        var byte = b[at]
        if anyCase, byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") { byte += 0x20 }
        if byte != text.utf8Start[k] { return false }
      }
      return true
    }
    guard try literal("<?xml"), j < n else { return nil }
    guard spaces() > 0 else { throw GiveUp() }
    guard let version = try pair("version") else { return nil }
    guard same(version, "1.0") else { throw GiveUp() }
    var gap = spaces()
    guard j < n else { return nil }
    if b[j] == UInt8(ascii: "e") {
      guard gap > 0 else { throw GiveUp() }
      guard let encoding = try pair("encoding") else { return nil }
      guard same(encoding, "utf-8", anyCase: true) else { throw GiveUp() }
      gap = spaces()
      guard j < n else { return nil }
    }
    if b[j] == UInt8(ascii: "s") {
      guard gap > 0 else { throw GiveUp() }
      guard let standalone = try pair("standalone") else { return nil }
      // Lower case only: libxml2 refuses `YES`.
      guard standalone.count == 3 || standalone.count == 2 else { throw GiveUp() }
      let yes =
        standalone.count == 3 && b[standalone.lowerBound] == UInt8(ascii: "y")
        && b[standalone.lowerBound + 1] == UInt8(ascii: "e")
        && b[standalone.lowerBound + 2] == UInt8(ascii: "s")
      let no =
        standalone.count == 2 && b[standalone.lowerBound] == UInt8(ascii: "n")
        && b[standalone.lowerBound + 1] == UInt8(ascii: "o")
      guard yes || no else { throw GiveUp() }
      _ = spaces()
    }
    guard try literal("?>") else { return nil }
    return j
  }

  /// A tag at `i` (`b[i]` is `<`): the index after it, nil when the bytes end first.
  private mutating func tag(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) throws(GiveUp) -> Int? {
    let n = b.count
    guard i + 1 < n else { return nil }
    switch b[i + 1] {
    case UInt8(ascii: "/"): return try endTag(b, i)
    case UInt8(ascii: "?"), UInt8(ascii: "!"): throw GiveUp()
    default: return try startTag(b, i)
    }
  }

  private mutating func endTag(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) throws(GiveUp) -> Int? {
    let n = b.count
    guard place == .body, let length = nameLengths.last else { throw GiveUp() }
    guard let (end, colon) = try Self.name(b, i + 2) else { return nil }
    var j = end
    while j < n, Self.isSpace(b[j]) { j += 1 }
    guard j < n else { return nil }
    guard b[j] == UInt8(ascii: ">"), end - (i + 2) == length else { throw GiveUp() }
    let open = namesEnd - length
    for k in 0..<length where names[open + k] != b[i + 2 + k] { throw GiveUp() }
    guard let element = elements.last else { throw GiveUp() }
    try close(element)
    return j + 1
  }

  private mutating func startTag(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) throws(GiveUp) -> Int? {
    let n = b.count
    guard place == .prolog || place == .body else { throw GiveUp() }
    guard let (nameEnd, colon) = try Self.name(b, i + 1) else { return nil }
    if !attributes.isEmpty { attributes.removeAll(keepingCapacity: true) }
    shortAttributes = (nil, nil, nil)
    var j = nameEnd
    var selfClosing = false
    while true {
      let gap = j
      while j < n, Self.isSpace(b[j]) { j += 1 }
      guard j < n else { return nil }
      if b[j] == UInt8(ascii: ">") {
        j += 1
        break
      }
      if b[j] == UInt8(ascii: "/") {
        guard j + 1 < n else { return nil }
        guard b[j + 1] == UInt8(ascii: ">") else { throw GiveUp() }
        selfClosing = true
        j += 2
        break
      }
      guard j > gap, attributes.count < 64 else { throw GiveUp() }
      guard let (attributeEnd, attributeColon) = try Self.name(b, j) else { return nil }
      var k = attributeEnd
      while k < n, Self.isSpace(b[k]) { k += 1 }
      guard k < n else { return nil }
      guard b[k] == UInt8(ascii: "=") else { throw GiveUp() }
      k += 1
      while k < n, Self.isSpace(b[k]) { k += 1 }
      guard k < n else { return nil }
      let quote = b[k]
      guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { throw GiveUp() }
      let valueStart = k + 1
      var m = valueStart
      while m < n, b[m] != quote {
        let byte = b[m]
        // No references, markup, or white space that libxml2 would normalise.
        guard byte >= 0x20, byte != UInt8(ascii: "&"), byte != UInt8(ascii: "<") else {
          throw GiveUp()
        }
        if byte >= 0x80 {
          guard let next = try Self.utf8Scalar(b, m, end: n) else { return nil }
          m = next
        } else {
          m += 1
        }
      }
      guard m < n else { return nil }
      attributes.append((j, attributeColon, attributeEnd, valueStart, m))
      if attributeEnd == j + 1 {
        switch b[j] {
        case UInt8(ascii: "r") where shortAttributes.r == nil: shortAttributes.r = valueStart..<m
        case UInt8(ascii: "s") where shortAttributes.s == nil: shortAttributes.s = valueStart..<m
        case UInt8(ascii: "t") where shortAttributes.t == nil: shortAttributes.t = valueStart..<m
        default: break
        }
      }
      j = m + 1
    }
    let element = try open(b, i + 1, nameEnd, colon)
    if selfClosing { try close(element) }
    return j
  }

  /// The element a name stands for; gives up on a prefixed name the handler would act on.
  private func element(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ colon: Int)
    throws(GiveUp) -> Element
  {
    let local = Self.element(b, colon < 0 ? start : colon + 1, end)
    if colon >= 0, local != .other { throw GiveUp() }
    return local
  }

  private static func element(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Element
  {
    func equal(_ text: StaticString) -> Bool {
      guard end - start == text.utf8CodeUnitCount else { return false }
      for k in 0..<(end - start) where b[start + k] != text.utf8Start[k] { return false }
      return true
    }
    switch end - start {
    case 1:
      switch b[start] {
      case UInt8(ascii: "c"): return .cell
      case UInt8(ascii: "v"): return .value
      case UInt8(ascii: "t"): return .t
      default: return .other
      }
    case 2: return equal("is") ? .inlineString : .other
    case 3: return equal("row") ? .row : equal("rPh") ? .rPh : equal("col") ? .col : .other
    case 9: return equal("mergeCell") ? .mergeCell : .other
    default: return .other
    }
  }

  /// Bytes `b[start..<end]` equal `text`.
  private static func equal(
    _ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ text: StaticString
  ) -> Bool {
    guard end - start == text.utf8CodeUnitCount else { return false }
    for k in 0..<(end - start) where b[start + k] != text.utf8Start[k] { return false }
    return true
  }

  /// True when the prefix `b[start..<end]` is declared in scope (or is `xml`).
  private func declared(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
    if Self.equal(b, start, end, "xml") { return true }
    var index = prefixScopes.count - 1
    while index >= 0 {
      let stop = prefixScopes[index].end
      let begin = index > 0 ? prefixScopes[index - 1].end : 0
      if stop - begin == end - start {
        var same = true
        for k in 0..<(end - start) where prefixes[begin + k] != b[start + k] {
          same = false
          break
        }
        if same { return true }
      }
      index -= 1
    }
    return false
  }

  // MARK: - Events

  /// Opens the element whose name is `b[start..<end]` (its colon at `colon`, or -1) with the
  /// current attributes; returns what it is.
  @discardableResult
  private mutating func open(
    _ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ colon: Int
  )
    throws(GiveUp) -> Element
  {
    let depth = nameLengths.count
    guard depth < maxDepth else { throw GiveUp() }
    // Namespace declarations first (they hold for the element's own name and attributes), and
    // no attribute twice by its local name. (Indexes, not iterators: no copy of the list.)
    var prefixed = false
    for index in 0..<attributes.count {
      let attribute = attributes[index]
      let local = attribute.colon < 0 ? attribute.name : attribute.colon + 1
      for otherIndex in 0..<index {
        let other = attributes[otherIndex]
        let otherLocal = other.colon < 0 ? other.name : other.colon + 1
        if attribute.nameEnd - local == other.nameEnd - otherLocal {
          var same = true
          for k in 0..<(attribute.nameEnd - local) where b[local + k] != b[otherLocal + k] {
            same = false
            break
          }
          if same { throw GiveUp() }
        }
      }
      if attribute.colon < 0 {
        if Self.equal(b, attribute.name, attribute.nameEnd, "xmlns") {
          guard Self.isPlainNamespace(b, attribute.value, attribute.valueEnd) else {
            throw GiveUp()
          }
        }
        continue
      }
      guard Self.equal(b, attribute.name, attribute.colon, "xmlns") else {
        prefixed = true
        continue
      }
      let prefix = attribute.colon + 1
      // Empty or reserved declarations are errors (or need checks) in libxml2.
      guard !Self.equal(b, prefix, attribute.nameEnd, "xml"),
        !Self.equal(b, prefix, attribute.nameEnd, "xmlns"),
        Self.isPlainNamespace(b, attribute.value, attribute.valueEnd)
      else { throw GiveUp() }
      prefixes.append(contentsOf: UnsafeBufferPointer(rebasing: b[prefix..<attribute.nameEnd]))
      prefixScopes.append((prefixes.count, depth))
    }
    if prefixed {
      for index in 0..<attributes.count where attributes[index].colon >= 0 {
        let attribute = attributes[index]
        if Self.equal(b, attribute.name, attribute.colon, "xmlns") { continue }
        guard declared(b, attribute.name, attribute.colon) else { throw GiveUp() }
      }
    }
    if colon >= 0 {
      guard !Self.equal(b, start, colon, "xml"), declared(b, start, colon) else { throw GiveUp() }
    }
    let length = end - start
    if names.count < namesEnd + length {
      names.append(contentsOf: repeatElement(0, count: namesEnd + length - names.count))
    }
    for k in 0..<length { names[namesEnd + k] = b[start + k] }
    namesEnd += length
    nameLengths.append(length)
    place = .body
    let element = try element(b, start, end, colon)
    elements.append(element)
    switch element {
    case .row:
      if let r = attribute(b, "r") {
        guard let n = Self.integer(b, r), n >= 1, n <= CellReference.maxRows else {
          throw GiveUp()
        }
        row = n - 1
      } else {
        row += 1
      }
      column = -1
      if let hidden = attribute(b, "hidden"), Self.isTrue(b, hidden) {
        sheet.hiddenRows.insert(row)
      }
    case .cell:
      inCell = true
      if !value.isEmpty { value.removeAll(keepingCapacity: true) }
      if !inline.isEmpty { inline.removeAll(keepingCapacity: true) }
      if let r = attribute(b, "r") {
        guard
          let parsed = CellReference.parse(
            utf8: UnsafeBufferPointer(rebasing: b[r.lowerBound..<r.upperBound]))
        else { throw GiveUp() }
        column = parsed.column
        row = parsed.row
      } else {
        column += 1
        guard column < CellReference.maxColumns else { throw GiveUp() }
      }
      if let t = attribute(b, "t") {
        kind = SheetCellText.Kind(
          utf8: UnsafeBufferPointer(rebasing: b[t.lowerBound..<t.upperBound]))
      } else {
        kind = .number
      }
      style = attribute(b, "s").map { Self.integer(b, $0) ?? 0 } ?? 0
    case .value: inValue = inCell
    case .inlineString: inInline = inCell
    case .rPh: phonetic += 1
    case .t: inInlineText = inInline && phonetic == 0
    case .mergeCell:
      if let ref = attribute(b, "ref") {
        guard let range = CellRange(a1: Self.string(b, ref)) else { throw GiveUp() }
        sheet.merges.append(range)
      }
    case .col:
      if let hidden = attribute(b, "hidden"), Self.isTrue(b, hidden),
        let low = attribute(b, "min").flatMap({ Self.integer(b, $0) }),
        let high = attribute(b, "max").flatMap({ Self.integer(b, $0) }), low >= 1, low <= high,
        low <= CellReference.maxColumns
      {
        for c in (low - 1)..<min(high, CellReference.maxColumns) {
          sheet.hiddenColumns.insert(c)
        }
      }
    case .other: break
    }
    return element
  }

  private mutating func close(_ element: Element) throws(GiveUp) {
    guard let length = nameLengths.last, !elements.isEmpty else { throw GiveUp() }
    nameLengths.removeLast()
    elements.removeLast()
    namesEnd -= length
    let depth = nameLengths.count
    while let last = prefixScopes.last, last.depth >= depth {
      prefixScopes.removeLast()
      prefixes.removeLast(prefixes.count - (prefixScopes.last?.end ?? 0))
    }
    if depth == 0 { place = .epilog }
    switch element {
    case .cell:
      inCell = false
      guard row >= 0 else { return }
      // The text is made by the worker (`SheetCellText.text(kind:style:value:inline:)`).
      value.withUnsafeBufferPointer { batch.bytes.append(contentsOf: $0) }
      let valueEnd = batch.bytes.count
      if kind == .inline { inline.withUnsafeBufferPointer { batch.bytes.append(contentsOf: $0) } }
      batch.cells.append(
        RawCellBatch.Cell(
          row: Int32(row), column: Int32(column), style: style, kind: kind, valueEnd: valueEnd,
          inlineEnd: batch.bytes.count))
      if batch.cells.count >= RawCellBatch.size {
        guard !worker.worker.failed else { throw GiveUp() }
        worker.worker.submit(batch)
        batch = RawCellBatch()
        batch.cells.reserveCapacity(RawCellBatch.size)
      }
    case .value: inValue = false
    case .inlineString: inInline = false
    case .rPh: phonetic = max(0, phonetic - 1)
    case .t: inInlineText = false
    default: break
    }
  }

  /// Text from `start` to `end`: checked, references decoded, and kept where the handler keeps
  /// it (a cell's `<v>` or inline text).
  private mutating func text(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int)
    throws(GiveUp)
  {
    guard place == .body else {
      // White space only around the root element.
      for k in start..<end where !Self.isSpace(b[k]) { throw GiveUp() }
      return
    }
    guard end - start <= Self.maxPending else { throw GiveUp() }
    let keep = inValue || inInlineText
    var k = start
    var plain = start  // start of the bytes not yet kept
    while k < end {
      let byte = b[k]
      if byte >= 0x80 {
        guard let next = try Self.utf8Scalar(b, k, end: end) else { throw GiveUp() }
        k = next
        continue
      }
      if byte >= 0x20 && byte != UInt8(ascii: "&") && byte != UInt8(ascii: "]") {
        k += 1
        continue
      }
      switch byte {
      case UInt8(ascii: "]"):
        if k + 2 < end, b[k + 1] == UInt8(ascii: "]"), b[k + 2] == UInt8(ascii: ">") {
          throw GiveUp()
        }
        k += 1
      case UInt8(ascii: "&"):
        if keep { append(b, plain, k) }
        let (scalar, next) = try Self.reference(b, k, end: end)
        if keep { appendScalar(scalar) }
        k = next
        plain = next
      case 0x0A, 0x09:
        k += 1
      case 0x0D:
        // libxml2 turns line ends into LF; the handler's text would differ in its bytes.
        if keep { throw GiveUp() }
        k += 1
      default:
        throw GiveUp()
      }
    }
    if keep { append(b, plain, end) }
  }

  private mutating func append(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
    guard end > start else { return }
    if inValue {
      value.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<end]))
    } else {
      inline.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<end]))
    }
  }

  private mutating func appendScalar(_ scalar: Unicode.Scalar) {
    if inValue {
      Self.appendUTF8(scalar.value, to: &value)
    } else {
      Self.appendUTF8(scalar.value, to: &inline)
    }
  }

  /// The UTF-8 of a scalar's value appended (what `UTF8.encode` gives).
  private static func appendUTF8(_ v: UInt32, to bytes: inout [UInt8]) {
    switch v {
    case 0..<0x80:
      bytes.append(UInt8(v))
    case 0x80..<0x800:
      bytes.append(UInt8(0xC0 | v >> 6))
      bytes.append(UInt8(0x80 | v & 0x3F))
    case 0x800..<0x1_0000:
      bytes.append(UInt8(0xE0 | v >> 12))
      bytes.append(UInt8(0x80 | (v >> 6) & 0x3F))
      bytes.append(UInt8(0x80 | v & 0x3F))
    default:
      bytes.append(UInt8(0xF0 | (v >> 18) & 0x07))
      bytes.append(UInt8(0x80 | (v >> 12) & 0x3F))
      bytes.append(UInt8(0x80 | (v >> 6) & 0x3F))
      bytes.append(UInt8(0x80 | v & 0x3F))
    }
  }

  /// A reference at `k` (`b[k]` is `&`) ending before `end`: its character and the index after
  /// it. Gives up on anything but the five predefined entities and character references to
  /// XML characters.
  private static func reference(_ b: UnsafeBufferPointer<UInt8>, _ k: Int, end: Int)
    throws(GiveUp) -> (Unicode.Scalar, Int)
  {
    var semicolon = k + 1
    while semicolon < end, semicolon - k <= 12, b[semicolon] != UInt8(ascii: ";") {
      semicolon += 1
    }
    guard semicolon < end, b[semicolon] == UInt8(ascii: ";") else { throw GiveUp() }
    let body = k + 1
    let next = semicolon + 1
    if equal(b, body, semicolon, "amp") { return ("&", next) }
    if equal(b, body, semicolon, "lt") { return ("<", next) }
    if equal(b, body, semicolon, "gt") { return (">", next) }
    if equal(b, body, semicolon, "quot") { return ("\"", next) }
    if equal(b, body, semicolon, "apos") { return ("'", next) }
    guard semicolon - body >= 2, b[body] == UInt8(ascii: "#") else { throw GiveUp() }
    var code: UInt32 = 0
    if b[body + 1] == UInt8(ascii: "x") {
      guard semicolon - body >= 3, semicolon - body <= 8 else { throw GiveUp() }
      for at in (body + 2)..<semicolon {
        let byte = b[at]
        let digit: UInt8
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
        default: throw GiveUp()
        }
        code = code << 4 | UInt32(digit)
      }
    } else {
      guard semicolon - body <= 8 else { throw GiveUp() }
      for at in (body + 1)..<semicolon {
        let byte = b[at]
        guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { throw GiveUp() }
        code = code * 10 + UInt32(byte - UInt8(ascii: "0"))
      }
    }
    let character =
      code == 0x09 || code == 0x0A || code == 0x0D || (0x20...0xD7FF).contains(code)
      || (0xE000...0xFFFD).contains(code) || (0x10000...0x10FFFF).contains(code)
    guard character, let scalar = Unicode.Scalar(code) else { throw GiveUp() }
    return (scalar, next)
  }

  /// The index after the UTF-8 sequence at `k` (`b[k]` ≥ 0x80) when it is a well-formed XML
  /// character; nil when the bytes end (at `end`) inside it.
  private static func utf8Scalar(_ b: UnsafeBufferPointer<UInt8>, _ k: Int, end: Int)
    throws(GiveUp) -> Int?
  {
    let lead = b[k]
    let count: Int
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF: count = 2
    case 0xE0:
      count = 3
      low = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: count = 3
    case 0xED:
      count = 3
      high = 0x9F
    case 0xF0:
      count = 4
      low = 0x90
    case 0xF1...0xF3: count = 4
    case 0xF4:
      count = 4
      high = 0x8F
    default: throw GiveUp()
    }
    guard k + count <= end else { return nil }
    guard b[k + 1] >= low, b[k + 1] <= high else { throw GiveUp() }
    for at in (k + 2)..<(k + count) where b[at] < 0x80 || b[at] > 0xBF { throw GiveUp() }
    // U+FFFE and U+FFFF are no XML characters.
    if lead == 0xEF, b[k + 1] == 0xBF, b[k + 2] >= 0xBE { throw GiveUp() }
    return k + count
  }

  // MARK: - Attribute values

  /// The value range of the current start tag's unprefixed attribute `name`.
  @inline(__always)
  private func attribute(_ b: UnsafeBufferPointer<UInt8>, _ name: StaticString) -> Range<Int>? {
    if name.utf8CodeUnitCount == 1 {
      switch name.utf8Start[0] {
      case UInt8(ascii: "r"): return shortAttributes.r
      case UInt8(ascii: "s"): return shortAttributes.s
      case UInt8(ascii: "t"): return shortAttributes.t
      default: break
      }
    }
    for attribute in attributes
    where attribute.colon < 0 && Self.equal(b, attribute.name, attribute.nameEnd, name) {
      return attribute.value..<attribute.valueEnd
    }
    return nil
  }

  private static func string(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
    String(
      decoding: UnsafeBufferPointer(rebasing: b[range.lowerBound..<range.upperBound]), as: UTF8.self
    )
  }

  /// `Int(value)` as Swift reads the attribute's text.
  private static func integer(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
    if range.count >= 1, range.count <= 9 {
      var n = 0
      var plain = true
      for at in range {
        let byte = b[at]
        guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else {
          plain = false
          break
        }
        n = n * 10 + Int(byte - UInt8(ascii: "0"))
      }
      if plain { return n }
    }
    return Int(string(b, range))
  }

  /// `value == "1" || value == "true"`.
  private static func isTrue(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    equal(b, range.lowerBound, range.upperBound, "1")
      || equal(b, range.lowerBound, range.upperBound, "true")
  }

  /// True when a namespace name is an absolute URI of the plainest kind, which libxml2 parses
  /// without complaint: `scheme:` then either `//host` (letters, digits, `.`, `-`) and a path,
  /// or a path, the path of letters, digits and `/ . _ ~ - :`; nothing of the W3C's reserved
  /// names.
  private static func isPlainNamespace(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int)
    -> Bool
  {
    func letter(_ byte: UInt8) -> Bool {
      (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }
    func digit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    guard end > start, letter(b[start]), !contains(b, start, end, "w3.org") else { return false }
    var k = start + 1
    while k < end,
      letter(b[k]) || digit(b[k]) || b[k] == UInt8(ascii: "+")
        || b[k] == UInt8(ascii: "-") || b[k] == UInt8(ascii: ".")
    {
      k += 1
    }
    guard k < end, b[k] == UInt8(ascii: ":") else { return false }
    k += 1
    if k + 1 < end, b[k] == UInt8(ascii: "/"), b[k + 1] == UInt8(ascii: "/") {
      k += 2
      let host = k
      while k < end, b[k] != UInt8(ascii: "/") {
        guard letter(b[k]) || digit(b[k]) || b[k] == UInt8(ascii: ".") || b[k] == UInt8(ascii: "-")
        else { return false }
        k += 1
      }
      guard k > host else { return false }
    }
    while k < end {
      let byte = b[k]
      guard
        letter(byte) || digit(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ".")
          || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~") || byte == UInt8(ascii: "-")
          || byte == UInt8(ascii: ":")
      else { return false }
      k += 1
    }
    return true
  }

  /// True when `b[start..<end]` holds `text`.
  private static func contains(
    _ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ text: StaticString
  ) -> Bool {
    let count = text.utf8CodeUnitCount
    guard end - start >= count else { return false }
    for at in start...(end - count) where equal(b, at, at + count, text) { return true }
    return false
  }

}
