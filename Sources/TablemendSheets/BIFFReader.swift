import Foundation
import TablemendModel

/// Reads the BIFF8 workbook stream of a legacy `.xls` or WPS `.et` (inside its compound file)
/// into a `Workbook`: the records that make text tables, nothing else.
///
/// Globals: BOUNDSHEET, SST (with its CONTINUE splits), FORMAT, XF, DATEMODE and FILEPASS (an
/// encrypted workbook is a clear error). CODEPAGE is not needed: BIFF8 strings are UTF-16, or
/// its low bytes when compressed; BIFF5 (code-page strings) is refused. Sheets: LABELSST, LABEL, RK, MULRK,
/// NUMBER, FORMULA with its cached result (and STRING), BOOLERR, MERGEDCELLS, ROW and COLINFO
/// hidden flags. Every read is bounds-checked; errors name the record and its byte offset in
/// the stream (`BIFF record 0x00FC at byte 5123`).
enum BIFFReader {
  static func read(_ data: Data, limits: Limits) throws(SheetsError) -> Workbook {
    let file = try CompoundFile(data)
    if file.hasStream("EncryptionInfo") || file.hasStream("EncryptedPackage") {
      throw SheetsError(
        message:
          "the workbook is encrypted (a password-protected .xlsx in an OLE2 container); "
          + "open it with its password and save it unprotected")
    }
    guard let entry = file.workbookEntry() else {
      throw SheetsError(
        place: "compound file directory",
        message: "no Workbook stream: an OLE2 file that is not a workbook (a .doc or .ppt?)")
    }
    if entry.name.lowercased() == "book" {
      throw SheetsError(
        place: "compound file stream Book",
        message: "a BIFF5 workbook (Excel 5.0/95): only BIFF8 (Excel 97 and later, WPS) is read; "
          + "save it as .xlsx")
    }
    let stream = try file.stream(entry)
    var reader = BIFFStream(bytes: stream, limits: limits)
    return try reader.workbook()
  }
}

/// One record: its type, and where its data lies in the stream.
struct BIFFRecord {
  var type: Int
  var offset: Int
  var data: ArraySlice<UInt8>

  var place: String { "BIFF record 0x\(Self.hex(type)) at byte \(offset)" }

  static func hex(_ n: Int) -> String {
    let s = String(n, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - s.count)) + s
  }

  func u8(_ at: Int) throws(SheetsError) -> Int {
    guard at >= 0, at < data.count else { throw short(at + 1) }
    return Int(data[data.startIndex + at])
  }

  func u16(_ at: Int) throws(SheetsError) -> Int {
    guard at >= 0, at + 2 <= data.count else { throw short(at + 2) }
    let i = data.startIndex + at
    return Int(data[i]) | Int(data[i + 1]) << 8
  }

  func u32(_ at: Int) throws(SheetsError) -> UInt32 {
    guard at >= 0, at + 4 <= data.count else { throw short(at + 4) }
    let i = data.startIndex + at
    return UInt32(data[i]) | UInt32(data[i + 1]) << 8 | UInt32(data[i + 2]) << 16
      | UInt32(data[i + 3]) << 24
  }

  func f64(_ at: Int) throws(SheetsError) -> Double {
    let low = UInt64(try u32(at))
    let high = UInt64(try u32(at + 4))
    return Double(bitPattern: low | high << 32)
  }

  func short(_ needed: Int) -> SheetsError {
    SheetsError(
      place: place,
      message: "the record holds \(data.count) bytes and \(needed) are needed (truncated)")
  }
}

/// The workbook stream read record by record.
struct BIFFStream {
  let bytes: [UInt8]
  let limits: Limits
  private var strings: [String] = []
  private var formats: [Int: String] = [:]
  private var xfFormats: [Int] = []
  private var date1904 = false

  init(bytes: [UInt8], limits: Limits) {
    self.bytes = bytes
    self.limits = limits
  }

  /// The record at `offset`, or nil at the end of the stream.
  func record(at offset: Int) throws(SheetsError) -> BIFFRecord? {
    guard offset + 4 <= bytes.count else { return nil }
    let type = Int(bytes[offset]) | Int(bytes[offset + 1]) << 8
    let length = Int(bytes[offset + 2]) | Int(bytes[offset + 3]) << 8
    guard offset + 4 + length <= bytes.count else {
      throw SheetsError(
        place: "BIFF record 0x\(BIFFRecord.hex(type)) at byte \(offset)",
        message:
          "the record declares \(length) bytes and the stream ends after \(bytes.count - offset - 4) (truncated)"
      )
    }
    return BIFFRecord(type: type, offset: offset, data: bytes[(offset + 4)..<(offset + 4 + length)])
  }

  mutating func workbook() throws(SheetsError) -> Workbook {
    guard let bof = try record(at: 0), bof.type == 0x0809 else {
      throw SheetsError(
        place: "BIFF stream byte 0",
        message: "the Workbook stream does not start with a BIFF8 BOF record")
    }
    guard try bof.u16(0) == 0x0600 else {
      throw SheetsError(
        place: bof.place,
        message: "BIFF version 0x\(BIFFRecord.hex(try bof.u16(0))): only BIFF8 (0x0600) is read")
    }
    var sheets: [(name: String, offset: Int, hidden: Bool)] = []
    var offset = 4 + bof.data.count
    // Globals: up to their EOF.
    while let record = try record(at: offset) {
      offset += 4 + record.data.count
      switch record.type {
      case 0x000A: break
      case 0x002F:
        throw SheetsError(
          place: record.place,
          message:
            "the workbook is encrypted (FILEPASS): open it with its password and save it unprotected"
        )
      case 0x0022: date1904 = try record.u16(0) == 1
      case 0x0085:
        let position = Int(try record.u32(0))
        let visibility = try record.u8(4)
        let kind = try record.u8(5)
        var reader = StringReader(bytes, record: record, at: 6)
        let name = try reader.string(lengthBytes: 1)
        if kind == 0 { sheets.append((name, position, visibility != 0)) }
      case 0x041E:
        let index = try record.u16(0)
        var reader = StringReader(bytes, record: record, at: 2)
        formats[index] = try reader.string(lengthBytes: 2)
      case 0x00E0:
        if xfFormats.count < 65_536 { xfFormats.append(try record.u16(2)) }
      case 0x00FC:
        // The SST and the CONTINUE records after it.
        var segments = [record.data.indices]
        var next = offset
        while let more = try self.record(at: next), more.type == 0x003C {
          segments.append(more.data.indices)
          next += 4 + more.data.count
        }
        offset = next
        try readSST(record, segments: segments)
      default: break
      }
      if record.type == 0x000A { break }
    }
    var workbook = Workbook()
    for sheet in sheets {
      guard sheet.offset >= 0, sheet.offset < bytes.count else {
        throw SheetsError(
          place: "BIFF BOUNDSHEET \(sheet.name)",
          message:
            "the sheet's stream position \(sheet.offset) is outside the stream of \(bytes.count) bytes"
        )
      }
      var read = try readSheet(at: sheet.offset, name: sheet.name)
      read.hidden = sheet.hidden
      workbook.sheets.append(read)
    }
    return workbook
  }

  /// The shared strings; a declared count larger than the strings present is not trusted.
  private mutating func readSST(_ record: BIFFRecord, segments: [Range<Int>]) throws(SheetsError) {
    let unique = Int(try record.u32(4))
    var reader = StringReader(bytes, record: record, segments: segments, at: 8)
    let cap = limits.maxCellsPerTable * 4
    strings.reserveCapacity(min(unique, 65_536))
    while strings.count < unique, !reader.atEnd {
      guard strings.count < cap else {
        throw SheetsError(
          place: record.place,
          message: "more than \(cap) shared strings (limit 4 × maxCellsPerTable)")
      }
      strings.append(try reader.string(lengthBytes: 2))
    }
  }

  private func text(_ value: Double, xf: Int) -> String {
    let code: String?
    if xf >= 0, xf < xfFormats.count {
      let id = xfFormats[xf]
      code = formats[id] ?? NumberFormat.builtin(id)
    } else {
      code = nil
    }
    return NumberFormat.format(value, code: code, date1904: date1904)
  }

  static func rk(_ value: UInt32) -> Double {
    var number: Double
    if value & 0x02 != 0 {
      number = Double(Int32(bitPattern: value) >> 2)
    } else {
      number = Double(bitPattern: UInt64(value & 0xFFFF_FFFC) << 32)
    }
    if value & 0x01 != 0 { number /= 100 }
    return number
  }

  private func readSheet(at start: Int, name: String) throws(SheetsError) -> Sheet {
    var sheet = Sheet(name: name)
    guard let bof = try record(at: start), bof.type == 0x0809 else {
      throw SheetsError(
        place: "BIFF stream byte \(start)",
        message: "sheet \(name)'s BOUNDSHEET position holds no BOF record")
    }
    var offset = start + 4 + bof.data.count
    var depth = 0
    var pendingFormula: (row: Int, column: Int)?
    let maxCells = limits.maxCellsPerTable * 4
    func add(_ row: Int, _ column: Int, _ text: String, _ record: BIFFRecord) throws(SheetsError) {
      guard !text.isEmpty else { return }
      guard sheet.cells.count < maxCells else {
        throw SheetsError(
          place: record.place,
          message:
            "more than \(maxCells) cells with text in sheet \(name) (limit 4 × maxCellsPerTable)")
      }
      sheet.cells.append(SheetCell(row: row, column: column, text: Text.lines(text)))
    }
    while let record = try record(at: offset) {
      offset += 4 + record.data.count
      if record.type == 0x0809 {
        depth += 1  // an embedded chart's substream
        continue
      }
      if record.type == 0x000A {
        if depth == 0 { break }
        depth -= 1
        continue
      }
      if depth > 0 { continue }
      switch record.type {
      case 0x00FD:  // LABELSST
        let index = Int(try record.u32(6))
        guard index < strings.count else {
          throw SheetsError(
            place: record.place,
            message:
              "cell \(Location.a1(row: try record.u16(0), column: try record.u16(2))) names shared string \(index), and the SST holds \(strings.count)"
          )
        }
        try add(try record.u16(0), try record.u16(2), strings[index], record)
      case 0x0204, 0x00D6:  // LABEL, RSTRING
        var reader = StringReader(bytes, record: record, at: 6)
        try add(try record.u16(0), try record.u16(2), try reader.string(lengthBytes: 2), record)
      case 0x027E:  // RK
        try add(
          try record.u16(0), try record.u16(2),
          text(Self.rk(try record.u32(6)), xf: try record.u16(4)),
          record)
      case 0x00BD:  // MULRK
        let row = try record.u16(0)
        let first = try record.u16(2)
        let count = (record.data.count - 6) / 6
        for k in 0..<max(0, count) {
          let xf = try record.u16(4 + k * 6)
          try add(row, first + k, text(Self.rk(try record.u32(6 + k * 6)), xf: xf), record)
        }
      case 0x0203:  // NUMBER
        try add(
          try record.u16(0), try record.u16(2), text(try record.f64(6), xf: try record.u16(4)),
          record)
      case 0x0006:  // FORMULA: the cached result
        let row = try record.u16(0)
        let column = try record.u16(2)
        let xf = try record.u16(4)
        if try record.u16(12) == 0xFFFF {
          switch try record.u8(6) {
          case 0: pendingFormula = (row, column)  // a STRING record follows
          case 1: try add(row, column, try record.u8(8) != 0 ? "TRUE" : "FALSE", record)
          case 2: try add(row, column, Self.errorText(try record.u8(8)), record)
          default: break
          }
        } else {
          try add(row, column, text(try record.f64(6), xf: xf), record)
        }
      case 0x0207:  // STRING: a string formula's result
        if let cell = pendingFormula {
          var reader = StringReader(bytes, record: record, at: 0)
          try add(cell.row, cell.column, try reader.string(lengthBytes: 2), record)
          pendingFormula = nil
        }
      case 0x0205:  // BOOLERR
        let value = try record.u8(6)
        let isError = try record.u8(7) != 0
        try add(
          try record.u16(0), try record.u16(2),
          isError ? Self.errorText(value) : (value != 0 ? "TRUE" : "FALSE"), record)
      case 0x00E5:  // MERGEDCELLS
        let count = try record.u16(0)
        for k in 0..<count {
          let base = 2 + k * 8
          let firstRow = try record.u16(base)
          let lastRow = try record.u16(base + 2)
          let firstColumn = try record.u16(base + 4)
          let lastColumn = try record.u16(base + 6)
          guard firstRow <= lastRow, firstColumn <= lastColumn,
            lastColumn < CellReference.maxColumns
          else { continue }
          sheet.merges.append(
            CellRange(
              firstRow: firstRow, firstColumn: firstColumn, lastRow: lastRow, lastColumn: lastColumn
            ))
        }
      case 0x0208:  // ROW
        if record.data.count >= 16, try record.u32(12) & 0x20 != 0 {
          sheet.hiddenRows.insert(try record.u16(0))
        }
      case 0x007D:  // COLINFO
        if try record.u16(8) & 0x01 != 0 {
          let first = try record.u16(0)
          let last = min(try record.u16(2), 255)
          if first <= last { for c in first...last { sheet.hiddenColumns.insert(c) } }
        }
      default: break
      }
      if record.type != 0x0006 && record.type != 0x0207 && record.type != 0x04BC
        && record.type != 0x0221
      {
        pendingFormula = nil
      }
    }
    return sheet
  }

  static func errorText(_ code: Int) -> String {
    switch code {
    case 0x00: return "#NULL!"
    case 0x07: return "#DIV/0!"
    case 0x0F: return "#VALUE!"
    case 0x17: return "#REF!"
    case 0x1D: return "#NAME?"
    case 0x24: return "#NUM!"
    case 0x2A: return "#N/A"
    default: return "#ERR!"
    }
  }
}

/// Reads BIFF8 unicode strings across a record and its CONTINUE records: where the characters
/// of a string cross into the next record, that record starts with a new 8/16-bit flag byte.
struct StringReader {
  let record: BIFFRecord
  let segments: [Range<Int>]
  /// The whole stream the segments index.
  private let bytes: [UInt8]
  private var segment = 0
  private var position: Int

  init(_ bytes: [UInt8], record: BIFFRecord, segments: [Range<Int>]? = nil, at offset: Int) {
    self.bytes = bytes
    self.record = record
    self.segments = segments ?? [record.data.indices]
    position = (self.segments.first?.lowerBound ?? 0) + offset
  }

  var atEnd: Bool {
    var s = segment
    var p = position
    while s < segments.count, p >= segments[s].upperBound {
      s += 1
      if s < segments.count { p = segments[s].lowerBound }
    }
    return s >= segments.count
  }

  /// Moves to the next segment when the current one is used up.
  private mutating func settle() throws(SheetsError) {
    while segment < segments.count, position >= segments[segment].upperBound {
      segment += 1
      guard segment < segments.count else { break }
      position = segments[segment].lowerBound
    }
    guard segment < segments.count else {
      throw SheetsError(
        place: record.place,
        message: "a string runs past the end of its record and CONTINUE records")
    }
  }

  private mutating func byte() throws(SheetsError) -> UInt8 {
    try settle()
    let value = bytes[position]
    position += 1
    return value
  }

  private mutating func skip(_ count: Int) throws(SheetsError) {
    var left = count
    while left > 0 {
      try settle()
      let take = min(left, segments[segment].upperBound - position)
      position += take
      left -= take
    }
  }

  /// An XLUnicodeString (2-byte length) or ShortXLUnicodeString (1-byte), with rich-text runs
  /// and phonetic data skipped.
  mutating func string(lengthBytes: Int) throws(SheetsError) -> String {
    var count = Int(try byte())
    if lengthBytes == 2 { count |= Int(try byte()) << 8 }
    let flags = try byte()
    var wide = flags & 0x01 != 0
    var runs = 0
    var extra = 0
    if flags & 0x08 != 0 { runs = Int(try byte()) | Int(try byte()) << 8 }
    if flags & 0x04 != 0 {
      extra = Int(try byte()) | Int(try byte()) << 8 | Int(try byte()) << 16 | Int(try byte()) << 24
    }
    var units: [UInt16] = []
    units.reserveCapacity(count)
    while units.count < count {
      if position >= segments[segment].upperBound {
        // Characters continue in the next record, after its own flag byte.
        try settle()
        wide = try byte() & 0x01 != 0
      }
      if wide {
        let low = UInt16(try byte())
        let high = UInt16(try byte())
        units.append(low | high << 8)
      } else {
        units.append(UInt16(try byte()))
      }
    }
    try skip(runs * 4)
    try skip(extra)
    return String(decoding: units, as: UTF16.self)
  }
}
