package org.abierto.bench;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The vocabulary of the synthetic corpus: two word lists of the same length, Spanish and English,
 * where the word at index {@code k} of one list "translates" the word at index {@code k} of the other.
 * A text is drawn once as a sequence of indices and spelled in each language, so a page and its
 * translation have the same structure, the same number of words and the same links.
 */
final class Words {
    /** Spanish and English words, pairwise; accents on purpose (UTF-8, slug folding). */
    private static final String[][] PAIRS = {
            {"transparencia", "transparency"}, {"proactiva", "proactive"}, {"gobierno", "government"},
            {"abierto", "open"}, {"información", "information"}, {"pública", "public"}, {"ciudadanía", "citizens"},
            {"participación", "participation"}, {"rendición", "accountability"}, {"cuentas", "accounts"},
            {"compromiso", "commitment"}, {"plan", "plan"}, {"acción", "action"}, {"local", "local"},
            {"estado", "state"}, {"municipio", "municipality"}, {"coalición", "coalition"}, {"guía", "guide"},
            {"práctica", "practical"}, {"diagnóstico", "diagnosis"}, {"cocreación", "co-creation"},
            {"socialización", "dissemination"}, {"taller", "workshop"}, {"capacitación", "training"},
            {"institución", "institution"}, {"dependencia", "agency"}, {"organismo", "body"},
            {"sociedad", "society"}, {"civil", "civil"}, {"datos", "data"}, {"abiertos", "open"},
            {"presupuesto", "budget"}, {"contrato", "contract"}, {"obra", "works"}, {"servicio", "service"},
            {"solicitud", "request"}, {"acceso", "access"}, {"derecho", "right"}, {"ley", "law"},
            {"lineamiento", "guideline"}, {"política", "policy"}, {"indicador", "indicator"},
            {"métrica", "metric"}, {"evaluación", "evaluation"}, {"resultado", "result"}, {"meta", "goal"},
            {"avance", "progress"}, {"reto", "challenge"}, {"aprendizaje", "lesson"}, {"mesa", "table"},
            {"trabajo", "work"}, {"grupo", "group"}, {"enfoque", "focus"}, {"sesión", "session"},
            {"reunión", "meeting"}, {"documento", "document"}, {"informe", "report"}, {"anexo", "annex"},
            {"entregable", "deliverable"}, {"hito", "milestone"}, {"fase", "phase"}, {"etapa", "stage"},
            {"periodo", "period"}, {"año", "year"}, {"mes", "month"}, {"semana", "week"}, {"día", "day"},
            {"comunidad", "community"}, {"vecino", "neighbour"}, {"barrio", "district"}, {"colonia", "neighbourhood"},
            {"escuela", "school"}, {"salud", "health"}, {"agua", "water"}, {"movilidad", "mobility"},
            {"seguridad", "safety"}, {"medio", "environment"}, {"ambiente", "surroundings"},
            {"desarrollo", "development"}, {"económico", "economic"}, {"social", "social"}, {"cultural", "cultural"},
            {"digital", "digital"}, {"portal", "portal"}, {"plataforma", "platform"}, {"sitio", "site"},
            {"publicación", "publication"}, {"consulta", "consultation"}, {"encuesta", "survey"},
            {"formulario", "form"}, {"pregunta", "question"}, {"respuesta", "answer"}, {"tema", "topic"},
            {"prioridad", "priority"}, {"necesidad", "need"}, {"demanda", "demand"}, {"oferta", "supply"},
            {"calidad", "quality"}, {"utilidad", "usefulness"}, {"claridad", "clarity"}, {"lenguaje", "language"},
            {"sencillo", "plain"}, {"claro", "clear"}, {"útil", "useful"}, {"oportuno", "timely"},
            {"completo", "complete"}, {"verificable", "verifiable"}, {"accesible", "accessible"},
            {"reutilizable", "reusable"}, {"gratuito", "free"}, {"permanente", "permanent"},
            {"nuevo", "new"}, {"actual", "current"}, {"anterior", "previous"}, {"siguiente", "next"},
            {"primer", "first"}, {"segundo", "second"}, {"tercer", "third"}, {"último", "last"},
            {"general", "general"}, {"específico", "specific"}, {"técnico", "technical"}, {"jurídico", "legal"},
            {"administrativo", "administrative"}, {"financiero", "financial"}, {"operativo", "operational"},
            {"y", "and"}, {"o", "or"}, {"de", "of"}, {"para", "for"}, {"con", "with"}, {"sin", "without"},
            {"sobre", "about"}, {"entre", "between"}, {"desde", "from"}, {"hasta", "until"}, {"en", "in"},
            {"por", "by"}, {"según", "per"}, {"durante", "during"}, {"mediante", "through"},
            {"se", "it"}, {"fue", "was"}, {"es", "is"}, {"son", "are"}, {"han", "have"}, {"ha", "has"},
            {"logró", "achieved"}, {"permitió", "allowed"}, {"identificó", "identified"}, {"publicó", "published"},
            {"revisó", "reviewed"}, {"acordó", "agreed"}, {"presentó", "presented"}, {"integró", "integrated"},
            {"mejoró", "improved"}, {"amplió", "expanded"}, {"midió", "measured"}, {"documentó", "documented"},
            {"el", "the"}, {"la", "the"}, {"los", "the"}, {"las", "the"}, {"un", "a"}, {"una", "a"},
            {"cada", "each"}, {"todo", "all"}, {"más", "more"}, {"menos", "less"}, {"muy", "very"},
            {"también", "also"}, {"además", "moreover"}, {"así", "thus"}, {"como", "as"}, {"que", "that"},
    };

    /** Phrases for headings, of as many words in both languages; distinct after slug folding, so heading ids never collide. */
    private static final String[][] HEADINGS = {
            {"Contexto del compromiso", "The commitment's context"},
            {"Objetivos de la fase", "Goals of the phase"},
            {"Metodología de trabajo", "The working method"},
            {"Actividades realizadas", "Completed activities"},
            {"Resultados obtenidos", "Results obtained"},
            {"Participación ciudadana", "Citizen participation"},
            {"Datos publicados", "Published data"},
            {"Retos identificados", "Challenges identified"},
            {"Aprendizajes de la implementación", "Lessons from the implementation"},
            {"Próximos pasos", "Next steps"},
            {"Instituciones participantes", "Participating institutions"},
            {"Indicadores de seguimiento", "Indicators for monitoring"},
    };

    static final int SIZE = PAIRS.length;
    /** Words before this index are nouns and adjectives, fit for titles; the rest are function words. */
    static final int CONTENT_WORDS = indexOf("y");
    static final int HEADING_COUNT = HEADINGS.length;

    private Words() {
    }

    private static int indexOf(String spanish) {
        for (int i = 0; i < PAIRS.length; i++) {
            if (PAIRS[i][0].equals(spanish)) {
                return i;
            }
        }
        throw new IllegalStateException(spanish);
    }

    static String word(Lang lang, int index) {
        return PAIRS[index][lang.ordinal()];
    }

    static String heading(Lang lang, int index) {
        return HEADINGS[index][lang.ordinal()];
    }

    /** The words at {@code indices}, spelled in {@code lang} and joined by spaces. */
    static String phrase(Lang lang, int[] indices) {
        var text = new StringBuilder();
        for (int i : indices) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(word(lang, i));
        }
        return text.toString();
    }

    /** A sentence: capitalised, ending with a full stop. */
    static String sentence(Lang lang, int[] indices) {
        return capitalise(phrase(lang, indices)) + ".";
    }

    static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** {@code count} word indices drawn from {@code random}. */
    static int[] draw(SplittableRandom random, int count) {
        int[] indices = new int[count];
        for (int i = 0; i < count; i++) {
            indices[i] = random.nextInt(SIZE);
        }
        return indices;
    }


    /** The two languages of the corpus, in site order: the first is the original. */
    enum Lang {
        ES("es"), EN("en");

        final String code;

        Lang(String code) {
            this.code = code;
        }

        static List<Lang> all() {
            return List.of(values());
        }
    }
}
