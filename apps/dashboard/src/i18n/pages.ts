/** Messages for the page navigation shared by every view. */
import { defineCatalogue, review } from "./catalogue.ts"

export const pages = defineCatalogue({
  en: {
    pageMap: "Map",
    pageTrends: "Trends",
    pagePlanning: "Planning",
    pagesNav: "Views",
  },
  lo: {
    pageMap: "ແຜນທີ່",
    pageTrends: "ແນວໂນ້ມ",
    pagePlanning: "ການວາງແຜນ",
    pagesNav: "ມຸມມອງ",
  },
  loSources: {
    pageMap: review,
    pageTrends: review,
    pagePlanning: review,
    pagesNav: review,
  },
})
