extension FrenchVocabulary {
    /// Why a request could not be placed under `rule`, as staff and planners read it: what blocks,
    /// then what a planner could change. One sentence without a final stop, so a page can write
    /// "Aucun créneau possible : …". The rule's own name stays in logs and the API, never here.
    public static func explanation(_ rule: ConstraintName) -> String {
        switch rule {
        case .specialtyMatch:
            "aucun spécialiste du programme n’exerce cette spécialité ; un planificateur peut en ajouter un"
        case .specialistAvailable:
            "les spécialistes de cette spécialité ne sont pas disponibles aux dates possibles ; un planificateur "
                + "peut leur ouvrir d’autres plages"
        case .specialistNoOverlap:
            "tous les créneaux des spécialistes de cette spécialité sont pris aux dates possibles ; un "
                + "planificateur peut ajouter un spécialiste ou des plages"
        case .specialistDailyMax:
            "les spécialistes de cette spécialité ont atteint leur nombre de séances par jour aux dates qui "
                + "conviennent ; un planificateur peut relever ce nombre ou ajouter un spécialiste"
        case .siteOpen:
            "le lieu est fermé aux dates possibles ; un planificateur peut élargir ses horaires d’ouverture"
        case .roomFree:
            "les salles du lieu sont toutes occupées aux heures possibles ; un planificateur peut ouvrir une "
                + "salle de plus ou élargir les horaires"
        case .nursePresent:
            "aucun·e infirmier·e accompagnant·e n’est présent·e aux heures possibles pour une téléconsultation "
                + "en direct ; un planificateur peut étendre ses heures de présence, ou la demande peut passer en "
                + "télé-expertise"
        case .equipmentAvailable:
            "l’équipement demandé n’est pas sur place et aucune unité mobile qui le transporte ne peut venir ; "
                + "un planificateur peut équiper le lieu ou y envoyer une unité mobile équipée"
        case .unitPresent:
            "aucune unité mobile ne s’arrête dans ce lieu aux heures possibles ; un planificateur peut y ajouter "
                + "un arrêt"
        case .unitRouteFeasible:
            "les tournées des unités mobiles sont pleines (horaires, trajets, pause ou conduite maximale) ; un "
                + "planificateur peut ajouter une unité mobile ou rapprocher sa base"
        case .withinHorizon:
            "la première date possible tombe après la période planifiée ; la demande sera placée quand la "
                + "période avancera"
        case .patientNoOverlap:
            "le résident a déjà une consultation à chaque heure possible ; un planificateur peut déplacer "
                + "l’une d’elles"
        case .pinnedUnchanged:
            "les séances confirmées et les arrêts fixés occupent les créneaux possibles ; un planificateur peut "
                + "déplacer un arrêt récurrent ou une séance confirmée"
        case .seriesSpacing:
            "la séance précédente de la série n’est pas placée, ou aucun créneau ne respecte l’écart prévu "
                + "depuis elle ; un planificateur peut élargir l’écart maximal ou déplacer la séance précédente"
        case .requestOnce:
            "la demande est déjà placée ; il n’y a rien à changer"
        case .knownReference:
            "la demande renvoie à un lieu, un spécialiste ou une unité mobile inconnus ; un planificateur doit "
                + "corriger les données du programme"
        }
    }
}
