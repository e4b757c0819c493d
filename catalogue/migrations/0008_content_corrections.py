"""Content corrections from a translation review, for catalogues loaded before them.

A fresh load reads the corrected fixture files; a database loaded earlier gets the same
corrections here. Each entry names a row by its natural key, one field, the text the fixtures
had and the corrected text, written out in full so that later changes to the fixtures cannot
change what this migration does. A field is corrected only where it still holds the old text
(line endings and surrounding whitespace aside, since a form saved in a browser turns "\\n"
into "\\r\\n"): a text a staff member has edited in the admin is left as it is. Reversing
puts the old text back under the same rule.

The untranslated column of a translated field (`summary`, `name`, ...) holds the default
language's text (Finnish); it follows the Finnish correction under the same rule.
"""

from django.db import migrations

DEFAULT_LANGUAGE = "fi"

# (model, natural key, field, text in the fixtures before, corrected text)
CORRECTIONS = [
    (
        'Practice',
        {'id': 3},
        'description_sv',
        'I Esbo stads strategi har bland annat följande mål fastställts: ”Andelen personer med invandrarbakgrund i personalen närmar sig invandrarbefolkningens andel av esboborna.” Målet genomförs bland annat med rekryteringsmodellen för invandrare, som bygger på avsiktsförklaringen mellan huvudstadsregionen och staten för 2010–2013. Nu har Esbo stad ett lokalt avtal med TE-byrån.\n\nMålet med modellen är att rekrytera en invandrare till ett anställningsförhållande på högst tre år, där lönen och anställningsvillkoren följer de normala kollektivavtalen. För anställningarna gäller samma principer för anställningsstopp som för stadens övriga befattningar. Lönen för de första nio månaderna betalas med stadens så kallade centraliserade finansiering, vilket innebär att stadens enhet inte har några lönekostnader. Efter nio månader fortsätter lönen att betalas med enhetens egen finansiering.\n\nInvandrartjänsterna vid TE-byrån i Esbo väljer ut kandidater bland sina kunder. Chefen för stadens enhet intervjuar kandidaterna och väljer den som passar bäst för anställningen. En sakkunnig vid stadens rekryteringstjänster förvaltar användningen av anslaget och erbjudandet av platser till cheferna, samordnar placeringen av TE-byråns kandidater på arbetsplatserna och deltar i kartläggningen av fortsatta möjligheter efter perioden inom rekryteringsmodellen. Åren 2010–2015 började sammanlagt 130 arbetstagare arbeta via rekryteringsmodellen för invandrare. Arbetstagare har anställts inom social- och hälsovårdssektorn, bildningssektorn, den tekniska sektorn och miljösektorn, serviceaffärsverksamheten samt koncernförvaltningen. År 2016 har 13 arbetstagare börjat via rekryteringsmodellen.',
        'I Esbo stads strategi har bland annat följande mål fastställts: ”Andelen personer med invandrarbakgrund i personalen närmar sig invandrarbefolkningens andel av esboborna.” Målet genomförs bland annat med rekryteringsmodellen för invandrare, som byggde på avsiktsförklaringen mellan huvudstadsregionen och staten för 2010–2013. Nu har Esbo stad ett lokalt avtal med TE-byrån.\n\nMålet med modellen är att rekrytera en invandrare till ett anställningsförhållande på högst tre år, där lönen och anställningsvillkoren följer de normala kollektivavtalen. För anställningarna gäller samma principer för anställningsstopp som för stadens övriga befattningar. Lönen för de första nio månaderna betalas med stadens så kallade centraliserade finansiering, vilket innebär att stadens enhet inte har några lönekostnader. Efter nio månader fortsätter lönen att betalas med enhetens egen finansiering.\n\nInvandrartjänsterna vid TE-byrån i Esbo väljer ut kandidater bland sina kunder. Chefen för stadens enhet intervjuar kandidaterna och väljer den som passar bäst för anställningen. En sakkunnig vid stadens rekryteringstjänster förvaltar användningen av anslaget och erbjudandet av platser till cheferna, samordnar placeringen av TE-byråns kandidater på arbetsplatserna och deltar i kartläggningen av fortsatta möjligheter efter perioden inom rekryteringsmodellen. Åren 2010–2015 började sammanlagt 130 arbetstagare arbeta via rekryteringsmodellen för invandrare. Arbetstagare har anställts inom social- och hälsovårdssektorn, bildningssektorn, den tekniska sektorn och miljösektorn, serviceaffärsverksamheten samt koncernförvaltningen. År 2016 har 13 arbetstagare börjat via rekryteringsmodellen.',
    ),
    (
        'Practice',
        {'id': 10},
        'summary_sv',
        'I Tavastehus får kunderna inom flyktingmottagningen hjälp av serviceenhetens handledare med myndighetskontakter och vardagsärenden, och flyktingarna får vägledning till exempel i hur man bor i Finland. Familjehandledarens arbete är särskilt viktigt när det gäller kvotflyktingar.',
        'I Tavastehus får klienterna inom flyktingmottagningen hjälp av serviceenhetens handledare med myndighetskontakter och vardagsärenden, och flyktingarna får vägledning till exempel i hur man bor i Finland. Familjehandledarens arbete är särskilt viktigt när det gäller kvotflyktingar.',
    ),
    (
        'Practice',
        {'id': 10},
        'description_sv',
        'Kunderna inom flyktingmottagningen får hjälp av serviceenhetens handledare för att kunna agera rätt i kontakten med myndigheterna och sköta andra nödvändiga och obligatoriska ärenden. Handledarna hjälper kunderna bland annat att använda kartor och kollektivtrafik, visar dem till rätt instans och hjälper dem att fylla i blanketter och ansökningar. Dessutom förmedlar handledarna information till personalen inom socialt arbete och hälso- och sjukvård i frågor som hör till deras ansvarsområde. Inom socialhandledningen är arbetet mycket intensivt. Familjehandledarens arbete är särskilt viktigt när det gäller kvotflyktingar. Flyktingarna får till exempel vägledning i hur man bor i Finland. I praktiken visar man hur dörren öppnas och hur toalettstolen, duschen, spisen, kylskåpet osv. fungerar. Verksamheten kräver flera dagars intensivt klientarbete. Familjehandledaren ger information i frågor som gäller barnuppfostran, könsroller och parförhållanden. Familjehandledaren fungerar dessutom som kontaktperson bland annat till småbarnspedagogiken, rådgivningen och skolorna. Serviceenhetens anställda utför assisterande uppgifter inom flyktingmottagningen som stöd för myndigheternas arbete.',
        'Klienterna inom flyktingmottagningen får hjälp av serviceenhetens handledare för att kunna agera rätt i kontakten med myndigheterna och sköta andra nödvändiga och obligatoriska ärenden. Handledarna hjälper klienterna bland annat att använda kartor och kollektivtrafik, visar dem till rätt instans och hjälper dem att fylla i blanketter och ansökningar. Dessutom förmedlar handledarna information till personalen inom socialt arbete och hälso- och sjukvård i frågor som hör till deras ansvarsområde. Inom socialhandledningen är arbetet mycket intensivt. Familjehandledarens arbete är särskilt viktigt när det gäller kvotflyktingar. Flyktingarna får till exempel vägledning i hur man bor i Finland. I praktiken visar man hur dörren öppnas och hur toalettstolen, duschen, spisen, kylskåpet osv. fungerar. Verksamheten kräver flera dagars intensivt klientarbete. Familjehandledaren ger information i frågor som gäller barnuppfostran, könsroller och parförhållanden. Familjehandledaren fungerar dessutom som kontaktperson bland annat till småbarnspedagogiken, rådgivningen och skolorna. Serviceenhetens anställda utför assisterande uppgifter inom flyktingmottagningen som stöd för myndigheternas arbete.',
    ),
    (
        'Practice',
        {'id': 12},
        'summary_sv',
        'De sju kommunerna i Ylä-Savo (Övre Savolax) har utarbetat ett gemensamt integrationsprogram i en multiprofessionell arbetsgrupp. Programmet är ett praktiskt verktyg för myndigheterna i området och beskriver integrationsåtgärderna och arbetsfördelningen mellan aktörerna.',
        'De sju kommunerna i Övre Savolax har utarbetat ett gemensamt integrationsprogram i en multiprofessionell arbetsgrupp. Programmet är ett praktiskt verktyg för myndigheterna i området och beskriver integrationsåtgärderna och arbetsfördelningen mellan aktörerna.',
    ),
    (
        'Practice',
        {'id': 12},
        'summary_en',
        "The seven municipalities of Ylä-Savo (Upper Savonia) have prepared a joint integration programme in a multi-professional working group. The programme is a practical tool for the area's authorities, setting out the integration measures and the division of work between the actors.",
        "The seven municipalities of Ylä-Savo (Upper Savo) have prepared a joint integration programme in a multi-professional working group. The programme is a practical tool for the area's authorities, setting out the integration measures and the division of work between the actors.",
    ),
    (
        'Practice',
        {'id': 12},
        'description_sv',
        'Ylä-Savo (Övre Savolax) består av sju kommuner: Idensalmi, Keitele, Kiuruvesi, Lapinlax, Pielavesi, Sonkajärvi och Vieremä. Mångkulturaliteten är en resurs för Ylä-Savo som man vill utveckla. Arbetskraft från utlandet ses som mycket viktig i Ylä-Savo. Invandrarnas integration stöds i samarbete med olika aktörer. I Ylä-Savo finns en delegation för invandringsfrågor.\n\nI Ylä-Savo utarbetades ett gemensamt integrationsprogram, eftersom antalet invandrare i de enskilda kommunerna är relativt litet. Integrationsprogrammet har utarbetats i en multiprofessionell arbetsgrupp för integration (koto-työryhmä) med medlemmar från varje kommun och bland annat från läroanstalter, TE-byrån, projekt och församlingen. Delegationen för invandringsarbete har deltagit i beredningen av det uppdaterade integrationsprogrammet för 2016–2019. Utlåtanden har begärts om programmet. En enkät gjordes bland invandrarna.\n\nMålet i Ylä-Savo har varit att göra integrationsprogrammet till ett praktiskt verktyg för myndigheterna i området, där integrationsåtgärderna och arbetsfördelningen mellan olika aktörer är tydligt nedskrivna. Integrationsprogrammet kan också fungera som introduktionsmaterial för personalen i arbetet med invandrare.',
        'Övre Savolax består av sju kommuner: Idensalmi, Keitele, Kiuruvesi, Lapinlax, Pielavesi, Sonkajärvi och Vieremä. Mångkulturaliteten är en resurs för Övre Savolax som man vill utveckla. Arbetskraft från utlandet ses som mycket viktig i Övre Savolax. Invandrarnas integration stöds i samarbete med olika aktörer. I Övre Savolax finns en delegation för invandringsfrågor.\n\nI Övre Savolax utarbetades ett gemensamt integrationsprogram, eftersom antalet invandrare i de enskilda kommunerna är relativt litet. Integrationsprogrammet har utarbetats i en multiprofessionell arbetsgrupp för integration (koto-työryhmä) med medlemmar från varje kommun och bland annat från läroanstalter, TE-byrån, projekt och församlingen. Delegationen för invandringsarbete har deltagit i beredningen av det uppdaterade integrationsprogrammet för 2016–2019. Utlåtanden har begärts om programmet. En enkät gjordes bland invandrarna.\n\nMålet i Övre Savolax har varit att göra integrationsprogrammet till ett praktiskt verktyg för myndigheterna i området, där integrationsåtgärderna och arbetsfördelningen mellan olika aktörer är tydligt nedskrivna. Integrationsprogrammet kan också fungera som introduktionsmaterial för personalen i arbetet med invandrare.',
    ),
    (
        'Practice',
        {'id': 12},
        'description_en',
        "Ylä-Savo (Upper Savonia) consists of seven municipalities: Iisalmi, Keitele, Kiuruvesi, Lapinlahti, Pielavesi, Sonkajärvi and Vieremä. Multiculturalism is a resource for Ylä-Savo that the region wants to develop. Labour from abroad is regarded as very important in Ylä-Savo. Immigrants' integration is supported in cooperation with various actors. Ylä-Savo has an advisory board on immigration affairs.\n\nA joint integration programme was prepared in Ylä-Savo because the numbers of immigrants in the individual municipalities are fairly small. The programme was prepared by a multi-professional integration working group (koto-työryhmä) with members from each municipality and from educational institutions, the TE Office, projects and the parish, among others. The advisory board on immigration work took part in preparing the updated integration programme for 2016–2019. Opinions on the programme have been requested. A survey was carried out among immigrants.\n\nThe aim in Ylä-Savo has been to make the integration programme a practical tool for the area's authorities, in which the integration measures and the division of work between the various actors are clearly set out. The integration programme can also serve as induction material for staff working with immigrants.",
        "Ylä-Savo (Upper Savo) consists of seven municipalities: Iisalmi, Keitele, Kiuruvesi, Lapinlahti, Pielavesi, Sonkajärvi and Vieremä. Multiculturalism is a resource for Ylä-Savo that the region wants to develop. Labour from abroad is regarded as very important in Ylä-Savo. Immigrants' integration is supported in cooperation with various actors. Ylä-Savo has an advisory board on immigration affairs.\n\nA joint integration programme was prepared in Ylä-Savo because the numbers of immigrants in the individual municipalities are fairly small. The programme was prepared by a multi-professional integration working group (koto-työryhmä) with members from each municipality and from educational institutions, the TE Office, projects and the parish, among others. The advisory board on immigration work took part in preparing the updated integration programme for 2016–2019. Opinions on the programme have been requested. A survey was carried out among immigrants.\n\nThe aim in Ylä-Savo has been to make the integration programme a practical tool for the area's authorities, in which the integration measures and the division of work between the various actors are clearly set out. The integration programme can also serve as induction material for staff working with immigrants.",
    ),
    (
        'Practice',
        {'id': 13},
        'title_en',
        'An information package on Finland for foreigners, www.infopankki.fi',
        'Information package on Finland for foreigners, www.infopankki.fi',
    ),
    (
        'Practice',
        {'id': 13},
        'summary_sv',
        'Infopankki (www.infopankki.fi) är en webbplats med information om Finland för utlänningar på 12 språk. Webbplatsen ges ut av Helsingfors stad och finansieras av staten och många kommuner.',
        'InfoFinland (www.infopankki.fi) är en webbplats med information om Finland för utlänningar på 12 språk. Webbplatsen ges ut av Helsingfors stad och finansieras av staten och många kommuner.',
    ),
    (
        'Practice',
        {'id': 13},
        'summary_en',
        'Infopankki (www.infopankki.fi) is a website offering foreigners information about Finland in 12 languages. It is published by the City of Helsinki and funded by the State and many municipalities.',
        'InfoFinland (Infopankki, www.infopankki.fi) is a website offering foreigners information about Finland in 12 languages. It is published by the City of Helsinki and funded by the State and many municipalities.',
    ),
    (
        'Practice',
        {'id': 13},
        'description_sv',
        'På webbplatsen Infopankki har man samlat en stor mängd information om Finland, bland annat om följande ämnen: att arbeta i Finland, att studera finska, boende, studier och utbildning. Infopankki betjänar användarna på 12 språk. Med hjälp av webbplatsen kan användaren på egen hand bekanta sig med det finländska samhället på sitt eget språk. Webbplatsen ges ut av Helsingfors stad och finansieras av staten och många kommuner.\n\nMed i Infopankki är Helsingfors, Esbo, Vanda, Grankulla, Åbo, Tammerfors, S:t Michel, Joensuu, Karleby, Ylivieskan seutu (Ylivieskaregionen), Brahestad, Siikajoki, Pyhäjoki, Kalajoki, Merijärvi, Uleåborg och Rovaniemi. Informationen uppdateras i fortlöpande samarbete med myndigheterna. Infopankki har presenterats inom EU som ett gott exempel på integrationsfrämjande. Infopankki används också mycket från utlandet av personer som söker information om Finland och om att flytta till Finland.',
        'På webbplatsen InfoFinland har man samlat en stor mängd information om Finland, bland annat om följande ämnen: att arbeta i Finland, att studera finska, boende, studier och utbildning. InfoFinland betjänar användarna på 12 språk. Med hjälp av webbplatsen kan användaren på egen hand bekanta sig med det finländska samhället på sitt eget språk. Webbplatsen ges ut av Helsingfors stad och finansieras av staten och många kommuner.\n\nMed i InfoFinland är Helsingfors, Esbo, Vanda, Grankulla, Åbo, Tammerfors, S:t Michel, Joensuu, Karleby, Ylivieskaregionen, Brahestad, Siikajoki, Pyhäjoki, Kalajoki, Merijärvi, Uleåborg och Rovaniemi. Informationen uppdateras i fortlöpande samarbete med myndigheterna. InfoFinland har presenterats inom EU som ett gott exempel på integrationsfrämjande. InfoFinland används också mycket från utlandet av personer som söker information om Finland och om att flytta till Finland.',
    ),
    (
        'Practice',
        {'id': 13},
        'description_en',
        'The Infopankki website brings together a wealth of information about Finland, including on the following topics: working in Finland, studying Finnish, housing, and studies and education. Infopankki serves users in 12 languages. The website allows users to learn about Finnish society independently in their own language. It is published by the City of Helsinki and funded by the State and many municipalities.\n\nTaking part in Infopankki are Helsinki, Espoo, Vantaa, Kauniainen, Turku, Tampere, Mikkeli, Joensuu, Kokkola, Ylivieskan seutu (the Ylivieska region), Raahe, Siikajoki, Pyhäjoki, Kalajoki, Merijärvi, Oulu and Rovaniemi. The information is updated in continuous cooperation with the authorities. Infopankki has been presented in the EU as a good example of integration work. Infopankki is also widely used from abroad by people looking for information about Finland and about moving to Finland.',
        'The InfoFinland (Infopankki) website brings together a wealth of information about Finland, including on the following topics: working in Finland, studying Finnish, housing, and studies and education. InfoFinland serves users in 12 languages. The website allows users to learn about Finnish society independently in their own language. It is published by the City of Helsinki and funded by the State and many municipalities.\n\nTaking part in InfoFinland are Helsinki, Espoo, Vantaa, Kauniainen, Turku, Tampere, Mikkeli, Joensuu, Kokkola, the Ylivieska sub-region, Raahe, Siikajoki, Pyhäjoki, Kalajoki, Merijärvi, Oulu and Rovaniemi. The information is updated in continuous cooperation with the authorities. InfoFinland has been presented in the EU as a good example of integration work. InfoFinland is also widely used from abroad by people looking for information about Finland and about moving to Finland.',
    ),
    (
        'Practice',
        {'id': 15},
        'description_en',
        'Since 2010, five municipalities (Jakobstad, Pedersöre, Larsmo, Nykarleby, Kronoby) have had a cooperation agreement on integration matters and, among other things, jointly receive quota refugees, who are then placed in whichever municipality is best placed to receive them at the time. The aim is a holistic approach and common guidelines across the region. The municipalities need shared goals and guidelines in order to provide equal services for immigrants.',
        'Since 2010, five municipalities (Jakobstad, Pedersöre, Larsmo, Nykarleby, Kronoby) have had a cooperation agreement on integration matters and, among other things, jointly receive quota refugees, who are then placed in the municipality best able to receive them at the time. The aim is a holistic approach and common guidelines across the region. The municipalities need shared goals and guidelines in order to provide equal services for immigrants.',
    ),
    (
        'Practice',
        {'id': 27},
        'summary_en',
        "Mänttä-Vilppula's initial-stage services help people who have been granted a residence permit to settle in the town, for example with benefit applications, insurance and banking.",
        "Mänttä-Vilppula's initial-stage services help people who have been granted a residence permit to settle in the city, for example with benefit applications, insurance and banking.",
    ),
    (
        'Practice',
        {'id': 27},
        'description_en',
        "Once a residence permit has been granted, the initial-stage services organised by the town help clients to settle in, for example by helping with benefit applications, insurance matters and banking. The aim is to support clients in becoming self-reliant quickly and in taking part in society. Promoting the integration of minor children is important so that the town gains young residents. The goal is for immigrants to stay in the town. When immigrants stay, services for the town's other residents can also be maintained.",
        "Once a residence permit has been granted, the initial-stage services organised by the city help clients to settle in, for example by helping with benefit applications, insurance matters and banking. The aim is to support clients in becoming self-reliant quickly and in taking part in society. Promoting the integration of minor children is important so that the city gains young residents. The goal is for immigrants to stay in the city. When immigrants stay, services for the city's other residents can also be maintained.",
    ),
    (
        'Practice',
        {'id': 28},
        'summary_en',
        "In Närpes, immigration is seen as a way of meeting the region's need for labour, and integration is supported through the town's services and the commitment of the whole community. The K5 municipalities have a joint integration programme.",
        "In Närpes, immigration is seen as a way of meeting the region's need for labour, and integration is supported through the city's services and the commitment of the whole community. The K5 municipalities have a joint integration programme.",
    ),
    (
        'Practice',
        {'id': 28},
        'description_sv',
        'I Närpes ses invandringen som ett sätt att trygga regionens behov av arbetskraft. Växthusnäringen och den växande metallindustrin behöver arbetskraft. Ett tryggt lokalsamhälle och en stark samhörighet bidrar till att arbetskraften stannar kvar på orten. I Närpes stöds integrationen med stadens tjänster och ett gott mottagande. K5-kommunerna (Närpes, Kristinestad, Malax, Korsnäs och Kaskö) har ett gemensamt integrationsprogram. Till tjänsterna hör bland annat en integrationskoordinator för K5, Welcome Office-K5, en flyktingkoordinator och ett integrationsråd. För varje invandrare görs en inledande kartläggning och en integrationsplan. För att integrationsarbetet ska lyckas krävs att hela samhället engagerar sig och deltar. Det finns nu personer med invandrarbakgrund överallt i samhället: inom dagvården, i skolan, i arbetslivet, inom servicen och inom hälso- och sjukvården. Arbetslösheten bland personer med utländsk bakgrund är lika låg som bland lokalbefolkningen. Ett mångkulturellt samhälle främjar livskraft och vitalitet.',
        'I Närpes ses invandringen som ett sätt att trygga regionens behov av arbetskraft. Växthusnäringen och den växande metallindustrin behöver arbetskraft. Ett tryggt lokalsamhälle och en stark samhörighet bidrar till att arbetskraften stannar kvar på orten. I Närpes stöds integrationen med stadens tjänster och ett gott mottagande. K5-kommunerna (Närpes, Kristinestad, Malax, Korsnäs och Kaskö) har ett gemensamt integrationsprogram. Till tjänsterna hör bland annat en integrationskoordinator för K5, Welcome Office-K5, en flyktingkoordinator och ett integrationsråd. Invandrarna får en inledande kartläggning och en integrationsplan. För att integrationsarbetet ska lyckas krävs att hela samhället engagerar sig och deltar. Det finns nu personer med invandrarbakgrund överallt i samhället: inom dagvården, i skolan, i arbetslivet, inom servicen och inom hälso- och sjukvården. Arbetslösheten bland personer med utländsk bakgrund är lika låg som bland lokalbefolkningen. Ett mångkulturellt samhälle främjar livskraft och vitalitet.',
    ),
    (
        'Practice',
        {'id': 28},
        'description_en',
        "In Närpes, immigration is seen as a way of securing the labour the region needs. The greenhouse industry and the growing metal industry both need workers. A safe local community and a strong sense of belonging encourage workers to stay in the area. In Närpes, integration is supported through the town's services and a good reception. The K5 municipalities (Närpes, Kristinestad, Malax, Korsnäs and Kaskinen) have a joint integration programme. Services include a K5 integration coordinator, Welcome Office-K5, a refugee coordinator and an integration council. Each immigrant is given an initial assessment and an integration plan. Successful integration work requires the commitment and participation of the whole community. There are now people with an immigrant background everywhere in the community: in day care, at school, in working life, in services and in health care. The unemployment rate among people of foreign background is as low as among the local population. A multicultural society promotes energy and vitality.",
        "In Närpes, immigration is seen as a way of securing the labour the region needs. The greenhouse industry and the growing metal industry both need workers. A safe local community and a strong sense of belonging encourage workers to stay in the area. In Närpes, integration is supported through the city's services and a good reception. The K5 municipalities (Närpes, Kristinestad, Malax, Korsnäs and Kaskinen) have a joint integration programme. Services include a K5 integration coordinator, Welcome Office-K5, a refugee coordinator and an integration council. Immigrants are given an initial assessment and an integration plan. Successful integration work requires the commitment and participation of the whole community. There are now people with an immigrant background everywhere in the community: in day care, at school, in working life, in services and in health care. The unemployment rate among people of foreign background is as low as among the local population. A multicultural society promotes energy and vitality.",
    ),
    (
        'Practice',
        {'id': 32},
        'summary_fi',
        'Parainen on ottanut vastaan kiintiöpakolaisia vuodesta 2014, ja lähiyhteisö on suhtautunut uusiin asukkaisiin myönteisesti. Skärgård utan gränser -yhdistys järjestää toimintaa ja yksityismajoitusta turvapaikanhakijoille, ja vapaaehtoiset toimivat isäntäperheinä.',
        'Parainen on ottanut vastaan kiintiöpakolaisia vuodesta 2014, ja lähiyhteisö on suhtautunut uusiin asukkaisiin myönteisesti. Skärgård utan gränser -yhdistys järjestää toimintaa ja yksityismajoitusta turvapaikanhakijoille, ja vapaaehtoiset perheet auttavat esimerkiksi lastenhoidossa ja antavat kielitukea.',
    ),
    (
        'Practice',
        {'id': 32},
        'summary_sv',
        'Pargas har tagit emot kvotflyktingar sedan 2014 och närsamhället har haft en positiv inställning till de nya invånarna. Föreningen Skärgård utan gränser ordnar verksamhet och privat boende för asylsökande, och frivilliga ställer upp som värdfamiljer.',
        'Pargas har tagit emot kvotflyktingar sedan 2014 och närsamhället har haft en positiv inställning till de nya invånarna. Föreningen Skärgård utan gränser ordnar verksamhet och privat boende för asylsökande, och frivilliga familjer hjälper till med bland annat barnvakt och språkstöd.',
    ),
    (
        'Practice',
        {'id': 32},
        'summary_en',
        'Pargas has received quota refugees since 2014, and the local community has welcomed its new residents. The association Skärgård utan gränser organises activities and private accommodation for asylum seekers, with volunteers acting as host families.',
        'Pargas has received quota refugees since 2014, and the local community has welcomed its new residents. The association Skärgård utan gränser organises activities and private accommodation for asylum seekers, and volunteer families help with childcare and language support, among other things.',
    ),
    (
        'Practice',
        {'id': 32},
        'description_fi',
        'Parainen otti kiintiöpakolaisia vastaan ensimmäisen kerran joulukuussa 2014 (20 syyrialaista). Kaupunki otti vastaan kiintiöpakolaisia myös vuosina 2015 ja 2016. Samaan aikaan, marraskuussa 2015, hotelli Strandbo avattiin tilapäiseksi turvapaikanhakijoiden majoituspaikaksi. Pienessä kunnassa on totuttu auttamaan toinen toisiaan – niin myös vasta saapuneita maahanmuuttajia. Vastaanotto on ollut enimmäkseen myönteinen, ja lähiyhteisö on alusta asti suhtautunut uusiin asukkaisiin proaktiivisesti ja myönteisesti. Osa maahanmuuttajista on jo työllistynyt paikallisiin yrityksiin. Uusia tulijoita tervetulleiksi toivottava asenne on läpäissyt koko yhteisön – lapsista eläkeläisiin.\n\nSkärgård utan gränser -yhdistys järjestää toimintaa ja ylläpitää yksityismajoitusta turvapaikanhakijoille. Vapaaehtoiset toimivat isäntäperheinä, auttavat lastenhoidossa, antavat kielitukea tai järjestävät yhteistä toimintaa. Perheet kotoutetaan suomeksi, mutta nyt kaupunki on asettanut työryhmän selvittämään ruotsinkielisen kotoutumisen tarvetta, koska paikkakunta on vahvasti ruotsinkielinen ja suurin osa isäntäperheistä on ruotsinkielisiä.',
        'Parainen otti kiintiöpakolaisia vastaan ensimmäisen kerran joulukuussa 2014 (20 syyrialaista). Kaupunki otti vastaan kiintiöpakolaisia myös vuosina 2015 ja 2016. Samaan aikaan, marraskuussa 2015, hotelli Strandbo avattiin tilapäiseksi turvapaikanhakijoiden majoituspaikaksi. Pienessä kunnassa on totuttu auttamaan toinen toisiaan – niin myös vasta saapuneita maahanmuuttajia. Vastaanotto on ollut enimmäkseen myönteinen, ja lähiyhteisö on alusta asti suhtautunut uusiin asukkaisiin proaktiivisesti ja myönteisesti. Osa maahanmuuttajista on jo työllistynyt paikallisiin yrityksiin. Uusia tulijoita tervetulleiksi toivottava asenne on läpäissyt koko yhteisön – lapsista eläkeläisiin.\n\nSkärgård utan gränser -yhdistys järjestää toimintaa ja ylläpitää yksityismajoitusta turvapaikanhakijoille. Vapaaehtoiset perheet auttavat lastenhoidossa, antavat kielitukea tai järjestävät yhteistä toimintaa. Perheet kotoutetaan suomeksi, mutta nyt kaupunki on asettanut työryhmän selvittämään ruotsinkielisen kotoutumisen tarvetta, koska paikkakunta on vahvasti ruotsinkielinen ja suurin osa vapaaehtoisperheistä on ruotsinkielisiä.',
    ),
    (
        'Practice',
        {'id': 32},
        'description_sv',
        'Pargas tog emot kvotflyktingar första gången i december 2014 (20 syrier). År 2015 och 2016 har staden även tagit emot kvotflyktingar. Samtidigt öppnade i november 2015 hotell Strandbo som tillfälligt asylboende. I en liten kommun är man vana att hjälpa varandra- så också de nyanlända invandrarna. Mottagandet har varit mestadels positivt och närsamhället har från början haft en proaktiv och positiv inställning till de nya invånarna. En del invandrare har redan blivit anställda av lokala företag. Välkomnande inställning till nya har genomsyrat samhället- från barn till pensionärer.\n\nFöreningen Skärgård utan gränser ordnar verksamhet och upprätthåller privat boende för asylsökande. De frivilliga ställer upp som värdfamiljer, hjälper med barnvakt, språkstöd eller ordnar aktiviteter tillsammans. Familjerna integreras på finska men nu har staden tillsatt en arbetsgrupp för att utreda behovet av svensk integration eftersom orten är starkt svenskspråkig och majoriteten av värdfamiljerna är svenskspråkiga.',
        'Pargas tog emot kvotflyktingar första gången i december 2014 (20 syrier). År 2015 och 2016 har staden även tagit emot kvotflyktingar. Samtidigt öppnade i november 2015 hotell Strandbo som tillfälligt asylboende. I en liten kommun är man vana att hjälpa varandra- så också de nyanlända invandrarna. Mottagandet har varit mestadels positivt och närsamhället har från början haft en proaktiv och positiv inställning till de nya invånarna. En del invandrare har redan blivit anställda av lokala företag. Välkomnande inställning till nya har genomsyrat samhället- från barn till pensionärer.\n\nFöreningen Skärgård utan gränser ordnar verksamhet och upprätthåller privat boende för asylsökande. De frivilliga ställer upp som värfamiljer, hjälper med barnvakt, språkstöd eller ordnar aktiviteter tillsammans. Familjerna integreras på finska men nu har staden tillsatt en arbetsgrupp för att utreda behovet av svensk integration eftersom orten är starkt svenskspråkig och majoriteten av värfamiljerna är svenskspråkiga.',
    ),
    (
        'Practice',
        {'id': 32},
        'description_en',
        'Pargas received quota refugees for the first time in December 2014 (20 Syrians). The town also received quota refugees in 2015 and 2016. At the same time, in November 2015, the Strandbo hotel opened as temporary accommodation for asylum seekers. In a small municipality people are used to helping one another – and that includes the newly arrived immigrants. The reception has been mostly positive, and from the start the local community has had a proactive and positive attitude towards its new residents. Some of the immigrants have already been employed by local businesses. A welcoming attitude towards newcomers has permeated the whole community, from children to pensioners.\n\nThe association Skärgård utan gränser (Archipelago Without Borders) organises activities and maintains private accommodation for asylum seekers. Volunteers act as host families, help with childcare and language support, or organise joint activities. The families are integrated in Finnish, but the town has now set up a working group to examine the need for integration in Swedish, as the locality is strongly Swedish-speaking and most of the host families are Swedish-speaking.',
        'Pargas received quota refugees for the first time in December 2014 (20 Syrians). The city also received quota refugees in 2015 and 2016. At the same time, in November 2015, the Strandbo hotel opened as temporary accommodation for asylum seekers. In a small municipality people are used to helping one another – and that includes the newly arrived immigrants. The reception has been mostly positive, and from the start the local community has had a proactive and positive attitude towards its new residents. Some of the immigrants have already been employed by local businesses. A welcoming attitude towards newcomers has permeated the whole community, from children to pensioners.\n\nThe association Skärgård utan gränser (Archipelago Without Borders) organises activities and maintains private accommodation for asylum seekers. Volunteer families help with childcare and language support, or organise joint activities. The families are integrated in Finnish, but the city has now set up a working group to examine the need for integration in Swedish, as the locality is strongly Swedish-speaking and most of the volunteer families are Swedish-speaking.',
    ),
    (
        'Practice',
        {'id': 43},
        'summary_fi',
        'Turun kaupungin Ulkomaalaistoimisto tarjoaa vastaanotto-, sosiaalityön, terveydenhuollon ja kotoutumispalveluita erityisesti pakolaistaustaisille maahanmuuttajille ja Inkerin paluumuuttajille sekä KOTO-ryhmätoimintaa työvoiman ulkopuolella oleville.',
        'Turun kaupungin Ulkomaalaistoimisto tarjoaa vastaanotto-, sosiaalityö-, terveydenhuolto- ja kotoutumispalveluja erityisesti pakolaistaustaisille maahanmuuttajille ja Inkerin paluumuuttajille sekä KOTO-ryhmätoimintaa työvoiman ulkopuolella oleville.',
    ),
    (
        'Practice',
        {'id': 48},
        'summary_sv',
        'Vantaan aikuisopisto (Vanda vuxeninstitut) ordnar kurser i finska och svenska för invandrare på olika håll i Vanda, och invandrare i åldern 17–24 år som bor i Vanda kan där avlägga avgångsbetyg från den grundläggande utbildningen.',
        'Vuxeninstitutet Vantaan aikuisopisto ordnar kurser i finska och svenska för invandrare på olika håll i Vanda, och invandrare i åldern 17–24 år som bor i Vanda kan där avlägga avgångsbetyg från den grundläggande utbildningen.',
    ),
    (
        'Practice',
        {'id': 48},
        'summary_en',
        'Vantaan aikuisopisto (Vantaa adult education institute) runs Finnish and Swedish courses for immigrants across Vantaa, and immigrants aged 17–24 living in Vantaa can obtain the comprehensive school leaving certificate there.',
        'Vantaan aikuisopisto (the Vantaa adult education centre) runs Finnish and Swedish courses for immigrants across Vantaa, and immigrants aged 17–24 living in Vantaa can obtain the comprehensive school leaving certificate there.',
    ),
    (
        'Practice',
        {'id': 48},
        'description_sv',
        'Till Vandas invandrartjänster hör mottagningstjänster för flyktingar och integrationsfrämjande tjänster. I Vanda ordnar Vantaan aikuisopisto (Vanda vuxeninstitut) kurser i finska och svenska för invandrare. Institutets kurser är öppna för alla. Vuxeninstitutet ligger i Dickursby, men kurser ordnas på olika håll i Vanda.\n\nVid Vanda vuxeninstitut kan invandrare i åldern 17–24 år som bor i Vanda avlägga avgångsbetyg från den grundläggande utbildningen. Den som inte har slutfört den grundläggande utbildningen kan också göra det vid Eiran aikuislukio (ett gymnasium för vuxna).',
        'Till Vandas invandrartjänster hör mottagningstjänster för flyktingar och integrationsfrämjande tjänster. I Vanda ordnar vuxeninstitutet Vantaan aikuisopisto kurser i finska och svenska för invandrare. Institutets kurser är öppna för alla. Institutet ligger i Dickursby, men kurser ordnas på olika håll i Vanda.\n\nVid Vantaan aikuisopisto kan invandrare i åldern 17–24 år som bor i Vanda avlägga avgångsbetyg från den grundläggande utbildningen. Den som inte har slutfört den grundläggande utbildningen kan också göra det vid Eiran aikuislukio (ett vuxengymnasium).',
    ),
    (
        'Practice',
        {'id': 48},
        'description_en',
        "Vantaa's immigrant services include reception services for refugees and integration services. In Vantaa, Finnish and Swedish courses for immigrants are run by Vantaan aikuisopisto (the Vantaa adult education institute). The institute's courses are open to everyone. The institute is located in Tikkurila, but courses are held in different parts of Vantaa.\n\nAt Vantaan aikuisopisto, immigrants aged 17–24 living in Vantaa can obtain a comprehensive school leaving certificate. Those who have not finished comprehensive school can also complete it at Eiran aikuislukio (an upper secondary school for adults).",
        "Vantaa's immigrant services include reception services for refugees and integration services. In Vantaa, Finnish and Swedish courses for immigrants are run by Vantaan aikuisopisto (the Vantaa adult education centre). The centre's courses are open to everyone. The centre is located in Tikkurila, but courses are held in different parts of Vantaa.\n\nAt Vantaan aikuisopisto, immigrants aged 17–24 living in Vantaa can obtain a comprehensive school leaving certificate. Those who have not finished comprehensive school can also complete it at Eiran aikuislukio (an upper secondary school for adults).",
    ),
    (
        'Practice',
        {'id': 52},
        'summary_fi',
        'Kuntaliitto osallistui MonikaNaiset Liitto ry:n MoniNaisten Talo -toiminnan kehittämiseen; nykyisin liiton MoniNaisten Tila tukee maahanmuuttajanaisten kotoutumista ryhmillä, arkisuomen opetuksella ja asiointiavulla.',
        'Kuntaliitto osallistui MonikaNaiset Liitto ry:n MoniNaisten Talo -toiminnan kehittämiseen; nykyisin MonikaNaiset Liiton MoniNaisten Tila tukee maahanmuuttajanaisten kotoutumista ryhmillä, arkisuomen opetuksella ja asiointiavulla.',
    ),
    (
        'Practice',
        {'id': 52},
        'summary_sv',
        'Kommunförbundet deltog i utvecklingen av MoniNaisten Talo vid MonikaNaiset Liitto ry; i dag stöder förbundets MoniNaisten Tila invandrarkvinnors integration med grupper, vardagsfinska och hjälp med att uträtta ärenden.',
        'Kommunförbundet deltog i utvecklingen av MoniNaisten Talo vid MonikaNaiset Liitto ry; i dag stöder MoniNaisten Tila, som drivs av MonikaNaiset Liitto, invandrarkvinnors integration med grupper, vardagsfinska och hjälp med att uträtta ärenden.',
    ),
    (
        'Practice',
        {'id': 52},
        'summary_en',
        "The Association of Finnish Local and Regional Authorities helped develop MonikaNaiset Liitto ry's MoniNaisten Talo; today the association's MoniNaisten Tila supports immigrant women's integration with groups, everyday Finnish and help in dealing with authorities.",
        "The Association of Finnish Local and Regional Authorities helped develop MonikaNaiset Liitto ry's MoniNaisten Talo; today MonikaNaiset Liitto's MoniNaisten Tila supports immigrant women's integration with groups, everyday Finnish and help in dealing with authorities.",
    ),
    (
        'TargetGroup',
        {'slug': 'newly-arrived'},
        'name_fi',
        'Äskettäin muuttaneet',
        'Äskettäin Suomeen muuttaneet',
    ),
    (
        'Theme',
        {'slug': 'participation-and-democracy'},
        'name_en',
        'Participation and democracy',
        'Participation and influence',
    ),
    (
        'Theme',
        {'slug': 'information-services'},
        'name_fi',
        'Tietoa ja viestintää',
        'Tiedotus ja viestintä',
    ),
    (
        'Theme',
        {'slug': 'information-services'},
        'name_en',
        'Information services',
        'Information and communication',
    ),
    (
        'Page',
        {'key': 'accessibility'},
        'body_fi',
        'Tämä saavutettavuusseloste koskee verkkopalvelua Kotouttamisen käytäntöjä Suomen kunnissa. Palvelun tavoitteena on täyttää digitaalisten palvelujen tarjoamisesta annetun lain (306/2019) saavutettavuusvaatimukset ja WCAG 2.1 -ohjeiston AA-tason vaatimukset.\n\nSaavutettavuuden tila: palvelu täyttää saavutettavuusvaatimukset osittain. Automaattisissa testeissä ei ole löytynyt puutteita, mutta asiantuntija-arviointia ja testausta apuvälineiden käyttäjien kanssa ei ole vielä tehty.\n\nSisältö, joka ei ole kaikilta osin saavutettavaa: Käytäntöjen kuvaukset ovat vuonna 2017 julkaistun Kuntaliiton julkaisun tekstejä ja niiden käännöksiä; niiden kieltä ei ole muokattu selkokieleksi. Avoimen datan tiedostot (CSV, JSON ja Atom-syöte) ovat koneluettavia aineistoja, eivät verkkosivuja. Toimittajien ylläpitokäyttöliittymässä on kolmannen osapuolen komponentteja (hakukentät ja kielivälilehdet), joiden saavutettavuutta on korjattu, mutta niitä ei ole testattu ruudunlukijoilla.\n\nArvioinnin tapa ja ajankohta: Palvelu on arvioitu itse 28.11.2026. Kaikki sivutyypit on tarkistettu suomeksi, ruotsiksi ja englanniksi automaattisilla axe-core-testeillä (WCAG 2.0 ja 2.1, tasot A ja AA), samoin ylläpidon käytäntöluettelo ja muokkauslomake. Lisäksi on testattu, että palvelua voi käyttää pelkällä näppäimistöllä. Testit ajetaan jokaisen muutoksen yhteydessä.\n\nPalaute: Jos huomaat palvelussa saavutettavuuspuutteen, kerro siitä alla olevalla lomakkeella. Vastaamme 14 päivän kuluessa, jos annat sähköpostiosoitteesi.\n\nValvontaviranomainen: Jos et ole tyytyväinen saamaasi vastaukseen tai et saa vastausta lainkaan kahden viikon aikana, voit tehdä ilmoituksen Etelä-Suomen aluehallintovirastoon. Sen sivuilla www.saavutettavuusvaatimukset.fi kerrotaan, miten ilmoituksen voi tehdä ja miten asia käsitellään.\n\nSeloste on laadittu 28.11.2026.',
        'Tämä saavutettavuusseloste koskee verkkopalvelua Kotouttamisen käytäntöjä Suomen kunnissa. Palvelun tavoitteena on täyttää digitaalisten palvelujen tarjoamisesta annetun lain (306/2019) saavutettavuusvaatimukset ja WCAG 2.2 -ohjeiston AA-tason vaatimukset.\n\nSaavutettavuuden tila: palvelu täyttää saavutettavuusvaatimukset osittain. Automaattisissa testeissä ei ole löytynyt puutteita, mutta asiantuntija-arviointia ja testausta apuvälineiden käyttäjien kanssa ei ole vielä tehty.\n\nSisältö, joka ei ole kaikilta osin saavutettavaa: Käytäntöjen kuvaukset ovat vuonna 2017 julkaistun Kuntaliiton julkaisun tekstejä ja niiden käännöksiä; niiden kieltä ei ole muokattu selkokieleksi. Avoimen datan tiedostot (CSV, JSON ja Atom-syöte) ovat koneluettavia aineistoja, eivät verkkosivuja. Toimittajien ylläpitokäyttöliittymässä on kolmannen osapuolen komponentteja (hakukentät ja kielivälilehdet), joiden saavutettavuutta on korjattu, mutta niitä ei ole testattu ruudunlukijoilla.\n\nArvioinnin tapa ja ajankohta: Palvelu on arvioitu itse 28.11.2026. Kaikki sivutyypit on tarkistettu suomeksi, ruotsiksi ja englanniksi automaattisilla axe-core-testeillä (WCAG 2.0, 2.1 ja 2.2, tasot A ja AA) puhelimen ja tietokoneen näytön levyisinä, samoin ylläpidon käytäntöluettelo ja muokkauslomake. Lisäksi on testattu, että palvelua voi käyttää pelkällä näppäimistöllä. Testit ajetaan jokaisen muutoksen yhteydessä.\n\nPalaute: Jos huomaat palvelussa saavutettavuuspuutteen, kerro siitä alla olevalla lomakkeella. Vastaamme 14 päivän kuluessa, jos annat sähköpostiosoitteesi.\n\nValvontaviranomainen: Jos et ole tyytyväinen saamaasi vastaukseen tai et saa vastausta lainkaan kahden viikon aikana, voit tehdä ilmoituksen Lupa- ja valvontavirastoon. Sivustolla www.saavutettavuusvaatimukset.fi kerrotaan, miten ilmoituksen voi tehdä ja miten asia käsitellään.\n\nSeloste on laadittu 28.11.2026.',
    ),
    (
        'Page',
        {'key': 'accessibility'},
        'body_sv',
        'Detta tillgänglighetsutlåtande gäller webbtjänsten Integrationsfrämjande i Finlands kommuner. Tjänsten strävar efter att uppfylla tillgänglighetskraven i lagen om tillhandahållande av digitala tjänster (306/2019) och kraven på nivå AA i WCAG 2.1.\n\nTillgänglighetsstatus: tjänsten uppfyller tillgänglighetskraven delvis. Automatiska tester har inte hittat några brister, men någon expertbedömning eller testning tillsammans med användare av hjälpmedel har ännu inte gjorts.\n\nInnehåll som inte är tillgängligt i alla avseenden: Beskrivningarna av verksamheterna är texter ur Kommunförbundets publikation från 2017 och översättningar av dem; språket har inte bearbetats till lättläst språk. Filerna med öppna data (CSV, JSON och Atom-flödet) är maskinläsbart material, inte webbsidor. Redaktörernas administrationsgränssnitt innehåller komponenter från tredje part (sökfält och språkflikar) vars tillgänglighet har förbättrats men som inte har testats med skärmläsare.\n\nBedömningens metod och tidpunkt: Tjänsten har bedömts av oss själva den 28 november 2026. Alla sidtyper har kontrollerats på finska, svenska och engelska med automatiska axe-core-tester (WCAG 2.0 och 2.1, nivåerna A och AA), och likaså administrationens verksamhetslista och redigeringsformulär. Dessutom har det testats att tjänsten kan användas med enbart tangentbordet. Testerna körs vid varje ändring.\n\nRespons: Om du upptäcker en tillgänglighetsbrist i tjänsten, berätta om den med formuläret nedan. Vi svarar inom 14 dagar om du anger din e-postadress.\n\nTillsynsmyndighet: Om du inte är nöjd med svaret eller inte får något svar inom två veckor kan du göra en anmälan till Regionförvaltningsverket i Södra Finland. På webbplatsen www.tillganglighetskrav.fi berättas hur anmälan görs och hur ärendet behandlas.\n\nUtlåtandet har upprättats den 28 november 2026.',
        'Detta tillgänglighetsutlåtande gäller webbtjänsten Integrationsfrämjande i Finlands kommuner. Tjänsten strävar efter att uppfylla tillgänglighetskraven i lagen om tillhandahållande av digitala tjänster (306/2019) och kraven på nivå AA i WCAG 2.2.\n\nTillgänglighetsstatus: tjänsten uppfyller tillgänglighetskraven delvis. Automatiska tester har inte hittat några brister, men någon expertbedömning eller testning tillsammans med användare av hjälpmedel har ännu inte gjorts.\n\nInnehåll som inte är tillgängligt i alla avseenden: Beskrivningarna av verksamheterna är texter ur Kommunförbundets publikation från 2017 och översättningar av dem; språket har inte bearbetats till lättläst språk. Filerna med öppna data (CSV, JSON och Atom-flödet) är maskinläsbart material, inte webbsidor. Redaktörernas administrationsgränssnitt innehåller komponenter från tredje part (sökfält och språkflikar) vars tillgänglighet har förbättrats men som inte har testats med skärmläsare.\n\nBedömningens metod och tidpunkt: Tjänsten har bedömts av oss själva den 28 november 2026. Alla sidtyper har kontrollerats på finska, svenska och engelska med automatiska axe-core-tester (WCAG 2.0, 2.1 och 2.2, nivåerna A och AA) i en telefons och en datorskärms bredd, och likaså administrationens verksamhetslista och redigeringsformulär. Dessutom har det testats att tjänsten kan användas med enbart tangentbordet. Testerna körs vid varje ändring.\n\nRespons: Om du upptäcker en tillgänglighetsbrist i tjänsten, berätta om den med formuläret nedan. Vi svarar inom 14 dagar om du anger din e-postadress.\n\nTillsynsmyndighet: Om du inte är nöjd med svaret eller inte får något svar inom två veckor kan du göra en anmälan till Tillstånds- och tillsynsverket. På webbplatsen www.tillganglighetskrav.fi berättas hur anmälan görs och hur ärendet behandlas.\n\nUtlåtandet har upprättats den 28 november 2026.',
    ),
    (
        'Page',
        {'key': 'accessibility'},
        'body_en',
        "This accessibility statement applies to the website Integration practices in Finnish municipalities. The service aims to meet the accessibility requirements of the Act on the Provision of Digital Services (306/2019) and level AA of WCAG 2.1.\n\nCompliance status: the service partially meets the accessibility requirements. Automated tests have found no problems, but no expert audit or testing with users of assistive technologies has been carried out yet.\n\nContent that is not fully accessible: The descriptions of the practices are texts from a 2017 publication of the Association of Finnish Local and Regional Authorities and translations of them; their language has not been rewritten in plain language. The open data files (CSV, JSON and the Atom feed) are machine-readable data, not web pages. The editors' administration interface contains third-party components (search fields and language tabs) whose accessibility has been improved but which have not been tested with screen readers.\n\nMethod and date of the assessment: The service was self-assessed on 28 November 2026. Every page type was checked in Finnish, Swedish and English with automated axe-core tests (WCAG 2.0 and 2.1, levels A and AA), as were the administration's practice list and editing form. In addition, it was tested that the service can be used with the keyboard alone. The tests run on every change.\n\nFeedback: If you notice an accessibility problem in the service, please tell us with the form below. We answer within 14 days if you give your email address.\n\nSupervisory authority: If you are not satisfied with the answer, or you receive no answer within two weeks, you can notify the Regional State Administrative Agency for Southern Finland (Etelä-Suomen aluehallintovirasto). Its website www.saavutettavuusvaatimukset.fi explains how to make a notification and how the matter is handled.\n\nThis statement was drawn up on 28 November 2026.",
        "This accessibility statement applies to the website Integration practices in Finnish municipalities. The service aims to meet the accessibility requirements of the Act on the Provision of Digital Services (306/2019) and level AA of WCAG 2.2.\n\nCompliance status: the service partially meets the accessibility requirements. Automated tests have found no problems, but no expert audit or testing with users of assistive technologies has been carried out yet.\n\nContent that is not fully accessible: The descriptions of the practices are texts from a 2017 publication of the Association of Finnish Local and Regional Authorities and translations of them; their language has not been rewritten in plain language. The open data files (CSV, JSON and the Atom feed) are machine-readable data, not web pages. The editors' administration interface contains third-party components (search fields and language tabs) whose accessibility has been improved but which have not been tested with screen readers.\n\nMethod and date of the assessment: The service was self-assessed on 28 November 2026. Every page type was checked in Finnish, Swedish and English with automated axe-core tests (WCAG 2.0, 2.1 and 2.2, levels A and AA) at the width of a phone and of a desktop screen, as were the administration's practice list and editing form. In addition, it was tested that the service can be used with the keyboard alone. The tests run on every change.\n\nFeedback: If you notice an accessibility problem in the service, please tell us with the form below. We answer within 14 days if you give your email address.\n\nSupervisory authority: If you are not satisfied with the answer, or you receive no answer within two weeks, you can notify the supervisory authority, Lupa- ja valvontavirasto. The website www.saavutettavuusvaatimukset.fi explains how to make a notification and how the matter is handled.\n\nThis statement was drawn up on 28 November 2026.",
    ),
]


def _normalised(value):
    return value.replace("\r\n", "\n").strip() if isinstance(value, str) else value


def apply_corrections(apps, corrections):
    """Write each corrected text where the stored one is still the old text; return the count.

    `corrections` holds (model, key, field, old, new) entries as in CORRECTIONS.
    """
    rows, changed = {}, {}
    for model_name, key, field, old, new in corrections:
        row_key = (model_name, tuple(sorted(key.items())))
        if row_key not in rows:
            model = apps.get_model("catalogue", model_name)
            rows[row_key] = model.objects.filter(**key).first()
        row = rows[row_key]
        if row is None:
            continue
        names = [field]
        if field.endswith(f"_{DEFAULT_LANGUAGE}"):
            names.append(field.removesuffix(f"_{DEFAULT_LANGUAGE}"))
        for name in names:
            if _normalised(getattr(row, name)) == _normalised(old):
                setattr(row, name, new)
                changed.setdefault(row_key, []).append(name)
    for row_key, names in changed.items():
        row = rows[row_key]
        fields = list(names)
        # Saved like any edit, so that feeds and incremental API readers see the change.
        if any(field.name == "updated_at" for field in row._meta.fields):
            fields.append("updated_at")
        row.save(update_fields=fields)
    return sum(len(names) for names in changed.values())


def forwards(apps, schema_editor):
    apply_corrections(apps, CORRECTIONS)


def backwards(apps, schema_editor):
    apply_corrections(apps, [(m, k, f, new, old) for m, k, f, old, new in CORRECTIONS])


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0007_public_list_indexes"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
    ]
