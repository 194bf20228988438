import Foundation

/// The OLE2 compound-file container (`D0 CF 11 E0 A1 B1 1A E1`) of legacy `.xls` and WPS
/// `.et` files: header, FAT (with its DIFAT), mini FAT and directory, read strictly.
///
/// Every sector number is checked against the file, every chain is followed at most as many
/// steps as the file has sectors (a FAT loop is an error, not a hang), and a stream is read
/// only up to its declared size, which must fit its chain.
struct CompoundFile {
  /// One directory entry.
  struct Entry {
    var name: String
    /// 1 storage, 2 stream, 5 root.
    var type: UInt8
    var start: UInt32
    var size: Int
  }

  private static let signature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
  private static let endOfChain: UInt32 = 0xFFFF_FFFE
  private static let free: UInt32 = 0xFFFF_FFFF

  let bytes: [UInt8]
  let sectorSize: Int
  let miniSectorSize: Int
  let miniCutoff: Int
  /// Sectors the file holds after its header: no chain is longer.
  let sectorCount: Int
  private(set) var fat: [UInt32] = []
  private(set) var miniFAT: [UInt32] = []
  private(set) var entries: [Entry] = []
  private var miniStream: [UInt8] = []

  static func hasSignature(_ data: Data) -> Bool { data.starts(with: signature) }

  /// Parses the header, FAT, directory and mini FAT.
  /// - Throws: `SheetsError` naming the sector or header field that is out of range.
  init(_ data: Data) throws(SheetsError) {
    bytes = [UInt8](data)
    guard bytes.count >= 512, bytes.starts(with: Self.signature) else {
      throw SheetsError(
        place: "compound file header",
        message: "not an OLE2 compound file (no signature or shorter than its 512-byte header)")
    }
    let sectorShift = Self.u16(bytes, 0x1E)
    let miniShift = Self.u16(bytes, 0x20)
    guard sectorShift == 9 || sectorShift == 12, miniShift == 6 else {
      throw SheetsError(
        place: "compound file header",
        message: "sector sizes 2^\(sectorShift) and 2^\(miniShift) are not those of a compound file"
      )
    }
    sectorSize = 1 << sectorShift
    miniSectorSize = 1 << miniShift
    miniCutoff = Int(Self.u32(bytes, 0x38))
    let sectorCount = max(0, (bytes.count - sectorSize) / sectorSize)
    self.sectorCount = sectorCount
    // FAT sectors: 109 in the header, then the DIFAT chain.
    var fatSectors: [UInt32] = []
    for index in 0..<109 {
      let sector = Self.u32(bytes, 0x4C + index * 4)
      if sector == Self.free || sector == Self.endOfChain { continue }
      fatSectors.append(sector)
    }
    var difat = Self.u32(bytes, 0x44)
    var steps = 0
    let perSector = sectorSize / 4
    while difat != Self.endOfChain && difat != Self.free {
      steps += 1
      guard steps <= sectorCount else {
        throw SheetsError(place: "compound file DIFAT", message: "the DIFAT chain loops")
      }
      let at = try Self.offset(of: difat, sectorSize: sectorSize, count: bytes.count, what: "DIFAT")
      for index in 0..<(perSector - 1) {
        let sector = Self.u32(bytes, at + index * 4)
        if sector != Self.free && sector != Self.endOfChain { fatSectors.append(sector) }
      }
      difat = Self.u32(bytes, at + (perSector - 1) * 4)
    }
    guard fatSectors.count <= sectorCount + 1 else {
      throw SheetsError(
        place: "compound file header",
        message: "\(fatSectors.count) FAT sectors listed in a file of \(sectorCount) sectors")
    }
    var fat: [UInt32] = []
    fat.reserveCapacity(fatSectors.count * perSector)
    for sector in fatSectors {
      let at = try Self.offset(of: sector, sectorSize: sectorSize, count: bytes.count, what: "FAT")
      for index in 0..<perSector { fat.append(Self.u32(bytes, at + index * 4)) }
    }
    self.fat = fat
    // Directory.
    let directory = try chainBytes(from: Self.u32(bytes, 0x30), what: "directory")
    var entries: [Entry] = []
    var at = 0
    while at + 128 <= directory.count {
      let nameLength = min(64, Int(Self.u16(directory, at + 0x40)))
      var units: [UInt16] = []
      var k = 0
      while k + 1 < nameLength {
        let unit = UInt16(directory[at + k]) | UInt16(directory[at + k + 1]) << 8
        if unit == 0 { break }
        units.append(unit)
        k += 2
      }
      let size =
        sectorSize == 512
        ? Int(Self.u32(directory, at + 0x78))
        : Int(
          min(
            UInt64(Int.max),
            UInt64(Self.u32(directory, at + 0x78)) | UInt64(Self.u32(directory, at + 0x7C)) << 32))
      entries.append(
        Entry(
          name: String(decoding: units, as: UTF16.self), type: directory[at + 0x42],
          start: Self.u32(directory, at + 0x74), size: size))
      at += 128
    }
    self.entries = entries
    // Mini FAT and mini stream (the root entry's stream).
    let miniFATBytes = try chainBytes(
      from: Self.u32(bytes, 0x3C), what: "mini FAT", allowEmpty: true)
    var miniFAT: [UInt32] = []
    var m = 0
    while m + 4 <= miniFATBytes.count {
      miniFAT.append(Self.u32(miniFATBytes, m))
      m += 4
    }
    self.miniFAT = miniFAT
    if let root = entries.first, root.type == 5, root.size > 0 {
      let stream = try chainBytes(from: root.start, what: "mini stream", allowEmpty: true)
      guard root.size <= stream.count else {
        throw SheetsError(
          place: "compound file root entry",
          message: "the mini stream declares \(root.size) bytes and its chain holds \(stream.count)"
        )
      }
      miniStream = Array(stream.prefix(root.size))
    }
  }

  /// The workbook stream's entry: `Workbook` (BIFF8) or `Book` (BIFF5), any case.
  func workbookEntry() -> Entry? {
    entries.first { $0.type == 2 && $0.name.lowercased() == "workbook" }
      ?? entries.first { $0.type == 2 && $0.name.lowercased() == "book" }
  }

  /// True when the file holds a stream of that name (any case).
  func hasStream(_ name: String) -> Bool {
    entries.contains { $0.type == 2 && $0.name.lowercased() == name.lowercased() }
  }

  /// A stream's bytes, exactly its declared size.
  /// - Throws: `SheetsError` when its chain is damaged or shorter than its size.
  func stream(_ entry: Entry) throws(SheetsError) -> [UInt8] {
    if entry.size < miniCutoff {
      var out: [UInt8] = []
      out.reserveCapacity(min(entry.size, miniStream.count))
      var sector = entry.start
      var steps = 0
      var miniVisited = [Bool](repeating: false, count: miniFAT.count)
      while out.count < entry.size {
        guard sector != Self.endOfChain, Int(sector) < miniFAT.count else {
          throw SheetsError(
            place: "compound file stream \(entry.name)",
            message: "the mini-FAT chain ends after \(out.count) of \(entry.size) bytes")
        }
        steps += 1
        guard steps <= miniFAT.count, !miniVisited[Int(sector)] else {
          throw SheetsError(
            place: "compound file stream \(entry.name)", message: "the mini-FAT chain loops")
        }
        miniVisited[Int(sector)] = true
        let start = Int(sector) * miniSectorSize
        guard start + miniSectorSize <= miniStream.count else {
          throw SheetsError(
            place: "compound file stream \(entry.name)",
            message: "mini sector \(sector) lies outside the mini stream")
        }
        out += miniStream[start..<min(start + miniSectorSize, start + entry.size - out.count)]
        sector = miniFAT[Int(sector)]
      }
      return out
    }
    let all = try chainBytes(from: entry.start, what: "stream \(entry.name)", limit: entry.size)
    guard all.count >= entry.size else {
      throw SheetsError(
        place: "compound file stream \(entry.name)",
        message: "the stream declares \(entry.size) bytes and its FAT chain holds \(all.count)")
    }
    return Array(all.prefix(entry.size))
  }

  /// The bytes of a FAT chain, at most `limit` (rounded up to a sector).
  private func chainBytes(
    from start: UInt32, what: String, allowEmpty: Bool = false, limit: Int = Int.max
  ) throws(SheetsError) -> [UInt8] {
    var out: [UInt8] = []
    var sector = start
    var steps = 0
    var visited = [Bool](repeating: false, count: fat.count)
    while sector != Self.endOfChain && out.count < limit {
      if sector == Self.free && allowEmpty && steps == 0 { return [] }
      guard Int(sector) < fat.count else {
        throw SheetsError(
          place: "compound file \(what)",
          message: "sector \(sector) is outside the FAT (\(fat.count) entries)")
      }
      steps += 1
      guard steps <= min(fat.count, sectorCount), !visited[Int(sector)] else {
        throw SheetsError(place: "compound file \(what)", message: "the FAT chain loops")
      }
      visited[Int(sector)] = true
      let at = try Self.offset(of: sector, sectorSize: sectorSize, count: bytes.count, what: what)
      out += bytes[at..<(at + sectorSize)]
      sector = fat[Int(sector)]
    }
    return out
  }

  private static func offset(
    of sector: UInt32, sectorSize: Int, count: Int, what: String
  ) throws(SheetsError) -> Int {
    let at = (Int(sector) + 1) * sectorSize
    guard sector < 0xFFFF_FFFA, at + sectorSize <= count else {
      throw SheetsError(
        place: "compound file \(what) sector \(sector)",
        message: "the sector lies outside the file (truncated or damaged)")
    }
    return at
  }

  static func u16(_ b: [UInt8], _ at: Int) -> Int {
    guard at >= 0, at + 2 <= b.count else { return 0 }
    return Int(b[at]) | Int(b[at + 1]) << 8
  }

  static func u32(_ b: [UInt8], _ at: Int) -> UInt32 {
    guard at >= 0, at + 4 <= b.count else { return Self.endOfChain }
    return UInt32(b[at]) | UInt32(b[at + 1]) << 8 | UInt32(b[at + 2]) << 16
      | UInt32(b[at + 3]) << 24
  }
}
