/// Invented names for the demo region: common French residence and street names, and frequent
/// surnames, so pages and feeds look like the real thing without naming any real establishment.
enum SyntheticNames {
    static let residences = [
        "Les Tilleuls", "Les Charmilles", "Le Clos Saint-Jean", "La Roseraie", "Les Jardins d'Automne",
        "Résidence du Parc", "Les Lilas", "Le Val Fleuri", "Les Grands Chênes", "La Source", "Les Glycines",
        "Saint-Joseph", "Les Coquelicots", "Le Castel", "Les Mésanges", "La Providence", "Le Bois Joli",
        "Les Marronniers", "La Combe", "Les Cèdres", "L'Orée du Bois", "Les Hêtres", "Le Moulin", "La Chênaie",
        "Les Primevères", "Les Écureuils", "Le Verger", "Les Peupliers", "Les Vignes", "Le Belvédère",
    ]

    static let townPointHosts = [
        "Maison de santé", "Mairie, salle du conseil", "Pharmacie", "Espace France services", "Salle des fêtes",
    ]

    static let streets = [
        "rue de la République", "avenue Jean Jaurès", "rue Pasteur", "place de l'Église", "rue des Écoles",
        "rue Victor Hugo", "grande rue", "rue du Général de Gaulle", "chemin des Vignes", "rue de la Gare",
        "rue du Château", "place de la Mairie", "route nationale", "rue des Tilleuls", "impasse du Moulin",
    ]

    static let surnames = [
        "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent",
        "Simon", "Michel", "Lefebvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard",
        "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefèvre", "Faure", "André",
        "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand", "Gauthier", "Perrin",
    ]

    static let initials = Array("ABCDEFGHIJLMNOPRSTV")

    /// A synthetic contact address under `example.org` (reserved for examples: mail to it goes
    /// nowhere), derived from the id alone so it draws nothing from the generator's streams.
    static func mailbox(_ role: String, _ id: String) -> String {
        "\(role).\(id.lowercased())@example.org"
    }

    static func address(_ rng: inout SeededRandomNumberGenerator) -> String {
        "\(1 + rng.int(below: 60)) \(element(streets, &rng))"
    }

    static func element<T>(_ list: [T], _ rng: inout SeededRandomNumberGenerator) -> T {
        list[rng.int(below: list.count)]
    }

    /// `count` digits drawn at random.
    static func digits(_ count: Int, _ rng: inout SeededRandomNumberGenerator) -> String {
        String((0..<count).map { _ in Character(String(rng.int(below: 10))) })
    }
}
